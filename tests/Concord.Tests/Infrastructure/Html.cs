using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Concord.Tests.Infrastructure;

// Reading pages and submitting their forms the way a browser would, without one:
// the antiforgery token and cookies come from the page itself.
public static class Html
{
    static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} gave {(int)response.StatusCode}, expected {(int)expected}:\n{body[..Math.Min(body.Length, 2000)]}");
        return await ParseAsync(body);
    }

    public static Task<IDocument> ParseAsync(string html) => Context.OpenAsync(r => r.Content(html));

    // Fills the first form with method=post in the page's main content (not the header's sign-out form) at `url` (fields named as in the HTML,
    // e.g. "Input.TitleVi") and submits it. Fields not named keep the value the page gave them.
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string?> fields, string? formSelector = null) =>
        await client.SubmitFormAsync(await client.GetPageAsync(url), url, fields, formSelector);

    // The same with a page loaded earlier (two editors open a form, then save one after the other).
    // `url` is where the page came from; the form goes to its action, or there, or to `action` when given
    // (the button's formaction of a second submit button, e.g. "?handler=Merge").
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IDocument page, string url, IDictionary<string, string?> fields, string? formSelector = null, string? action = null)
    {
        var form = (IHtmlFormElement?)page.QuerySelector(formSelector ?? "main form[method=post]")
            ?? throw new InvalidOperationException($"No post form on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) values.Add(new(name, option.Value));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            if (value is null) continue;
            // A multi-select, or a "choose several" picker's tick boxes (_Picker.cshtml), is given as comma-separated values.
            if (form.Elements.OfType<IHtmlSelectElement>().Any(s => s.Name == name && s.IsMultiple)
                || form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.Type == "checkbox" && i.Closest("[data-picker]") is not null))
                values.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => new KeyValuePair<string, string>(name, v)));
            else
                values.Add(new(name, value));
        }
        action ??= form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    // The header's language picker: a small form per language, posted with the page's antiforgery token;
    // it goes back to the page it was on.
    public static Task<HttpResponseMessage> PickLanguageAsync(this HttpClient client, string culture, string from = "/") =>
        client.SubmitFormAsync(from, new Dictionary<string, string?>(), $"header form[action='/culture/{culture}']");

    // The validation message shown beside a field (asp-validation-for renders data-valmsg-for).
    public static string ErrorFor(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    // Anonymous, not following redirects.
    public static HttpClient NoRedirects(this ConcordFactory factory) => factory.NewClient(redirects: false);
}
