using System.Text.Json;
using Concord.Features.Commitments;
using Concord.Shared;

namespace Concord.Features.Documents;

// What a document is made of, as asked: which record, which format, which languages (Right null: one
// language), whose national heading (the side that issues it), and the reporting period whose reports count.
public sealed record DocumentRequest(
    DocumentKind Kind, DocumentFileFormat Format, int? Meeting, int? Instrument, int? Year,
    string Left, string? Right, string Side, string? Period)
{
    // The report of a filtered commitments list: the list's filter, without its sort and paging; the job
    // runs the same query (CommitmentList.FilteredAsync) as the account that asked.
    public CommitmentFilter? Filter { get; init; }

    public string[] Languages => Right is null ? [Left] : [Left, Right];

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
    public static DocumentRequest FromJson(string json) => JsonSerializer.Deserialize<DocumentRequest>(json, JsonSerializerOptions.Web)!;

    public static bool IsLanguage(string? language) => language is not null && Cultures.Supported.Contains(language);
    public static bool IsSide(string? side) => Sides.IsKnown(side);
}
