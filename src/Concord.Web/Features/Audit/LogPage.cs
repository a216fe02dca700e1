using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Audit;

// What the security log and the change log share: filters by account and by a range of days, keyset
// pages of 50 newest first, and the export of every filtered row as CSV.
public abstract class LogPage(IStringLocalizer t) : PageModel
{
    protected IStringLocalizer Strings => t;

    public const int PageSize = 50;

    // Where the page lives; its export is BasePath + "/export".
    public abstract string BasePath { get; }

    // Part of an e-mail address, case ignored.
    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }
    // Days in Indochina time, typed dd/mm/yyyy or yyyy-mm-dd; both ends included.
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }
    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public string? Next { get; protected set; }
    protected DateTime? FromUtc { get; private set; }
    protected DateTime? ToUtc { get; private set; }
    protected string? AccountTerm => string.IsNullOrWhiteSpace(Account) ? null : Account.Trim().ToLowerInvariant();

    // False, with the errors beside the fields, when a date cannot be read.
    protected bool ReadFilters()
    {
        FromUtc = Day(From, nameof(From)) is { } from ? AuditTime.StartOfDay(from) : null;
        ToUtc = Day(To, nameof(To)) is { } to ? AuditTime.StartOfDay(to.AddDays(1)) : null;
        if (FromUtc is not null && ToUtc is not null && ToUtc <= FromUtc)
            ModelState.AddModelError(nameof(To), t["Audit.ToBeforeFrom"]);
        return ModelState.IsValid;
    }

    DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        ModelState.AddModelError(field, t["Audit.DateInvalid"]);
        return null;
    }

    // The filters in words, for the security event an export leaves.
    protected string DescribeFilters(string log, params (string Name, string? Value)[] more) =>
        string.Join("; ", new[] { ("log", log), ("account", Account), ("from", From), ("to", To) }.Concat(more)
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={f.Item2}"));

    // Streams the rows as they are read, so an export of the whole log needs no more memory than a page.
    // The headings are in the reader's language; the values stay as recorded (event and action codes,
    // UTC times, changes as JSON), as the filters and a script reading the file know them.
    // UTF-8 with a byte order mark: without it Excel reads Vietnamese as Windows-1252.
    protected async Task<IActionResult> CsvAsync(string name, string[] header, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"concord-{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: -1, leaveOpen: true);
        // A user name typed at sign-in could be "=HYPERLINK(...)": spreadsheet formulas are neutralised.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var column in header) csv.WriteField(column);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var field in row) csv.WriteField(field);
            await csv.NextRecordAsync();
        }
        return new EmptyResult();
    }
}
