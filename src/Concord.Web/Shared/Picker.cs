using Concord.Features.Organisations;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// A "choose several" field of organisations or people (Features/Shared/_Picker.cshtml + wwwroot/js/picker.js),
// instead of a "hold Ctrl" multiple select. Without script: what is chosen as ticked boxes, and the rest in a
// closed <details>, grouped (a side, an organisation), so the page stays short with 2,000 organisations. With
// script: a search box above the list that filters it as one types and says how many match.
public sealed record PickerItem(int Id, string Label, string Group, int Depth = 0);

public sealed record PickerField(string Name, string Label, IReadOnlyList<PickerItem> Items, IReadOnlyCollection<int> Chosen)
{
    // The id stem of the field's elements ("Input_PartyIds"; a second picker of the same name adds a suffix).
    public string Id { get; init; } = Name.Replace('.', '_');
    public string? Hint { get; init; }
    public string? Error { get; init; }
}

public static class Picker
{
    public static List<PickerItem> Organisations(IEnumerable<OrganisationOption> options, IStringLocalizer t)
    {
        var language = Cultures.Language;
        return [.. options.Select(o => new PickerItem(o.Id, o.Label(language).TrimStart('\u00A0'), GroupOf(o.Country, t), o.Depth))];
    }

    public static string GroupOf(string? country, IStringLocalizer t) =>
        Sides.IsKnown(country) ? t[$"Common.Country.{country}"].Value : t["Picker.OtherBodies"].Value;
}
