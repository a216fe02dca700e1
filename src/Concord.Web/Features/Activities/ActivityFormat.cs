using System.Text.Encodings.Web;
using System.Text.Unicode;
using Concord.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Activities;

// How an activity's dates, people and value read on the list and the detail page.
public static class ActivityFormat
{
    // As the pages' own encoder: Vietnamese and Lao letters stay letters in attribute values.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // "04/2019 – 2021", or the source's words when no date is known.
    public static string Dates(PartialDate? starts, PartialDate? ends, string? note)
    {
        if (starts is null) return note ?? "";
        if (ends is null || ends == starts) return Display.Date(starts);
        return $"{Display.Date(starts)} – {Display.Date(ends)}";
    }

    // "54 (women 20, men 34)"; what is not known is left out, never shown as zero.
    public static string People(int? total, int? women, int? men, IStringLocalizer t)
    {
        var split = new List<string>();
        if (women is { } w) split.Add(t["Activities.WomenCount", Number(w)].Value);
        if (men is { } m) split.Add(t["Activities.MenCount", Number(m)].Value);
        var head = total is { } n ? t.Count("Activities.PeopleCount", n) : "";
        if (split.Count == 0) return head;
        return head.Length == 0 ? string.Join(", ", split) : $"{head} ({string.Join(", ", split)})";
    }

    public static string Value(decimal? amount, string? currency, bool lowerBound, IStringLocalizer t) =>
        Display.Money(amount, currency, lowerBound, t);

    // "MOLISA → MLSW, Ban Kan centre · with ILO": who gave, who received, who took part, each linked.
    public static IHtmlContent Parties(IReadOnlyList<ActivityParty> parties, IStringLocalizer t)
    {
        var html = new HtmlContentBuilder();
        if (parties.Count == 0) return html;
        var providers = parties.Where(p => p.Role == ActivityRole.Provider).ToList();
        var recipients = parties.Where(p => p.Role == ActivityRole.Recipient).ToList();
        var participants = parties.Where(p => p.Role == ActivityRole.Participant).ToList();
        html.AppendHtml("<div class=\"small text-muted parties\">");
        Links(html, providers);
        if (recipients.Count > 0)
        {
            if (providers.Count > 0) html.AppendHtml($" <span title=\"{Encoder.Encode(t["Activities.To"])}\">→</span> ");
            else html.Append(t["Activities.To"] + " ");
            Links(html, recipients);
        }
        if (participants.Count > 0)
        {
            if (providers.Count + recipients.Count > 0) html.Append(" · ");
            html.Append(t["Activities.With"] + " ");
            Links(html, participants);
        }
        html.AppendHtml("</div>");
        return html;
    }

    static void Links(HtmlContentBuilder html, List<ActivityParty> parties)
    {
        for (var i = 0; i < parties.Count; i++)
        {
            if (i > 0) html.Append(", ");
            var p = parties[i];
            var name = Display.Plain(p.Name);
            html.AppendHtml($"<a class=\"link-secondary\" href=\"/organisations/{p.OrganisationId}\" title=\"{Encoder.Encode(name)}\">");
            html.Append(p.Abbreviation ?? name);
            html.AppendHtml("</a>");
        }
    }

    static string Number(int n) => n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);
}
