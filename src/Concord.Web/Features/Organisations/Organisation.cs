using Concord.Features.ReferenceData;
using Concord.Shared;

namespace Concord.Features.Organisations;

// Countries, ministries, their departments, provinces, international organisations, NGOs, institutions.
// A department belongs to a ministry (Parent); a ministry merged into another names its Successor,
// from SucceededOn, and its earlier work stays with it while being found from the successor too.
public class Organisation : Record, ISearchable, ITranslatable
{
    public string? Key { get; set; }
    public int KindId { get; set; }
    public Term Kind { get; set; } = null!;
    // ISO 3166 alpha-2 code of the side the organisation belongs to; null for international bodies.
    public string? Country { get; set; }
    public LocalizedText Name { get; set; } = new();
    public string? Abbreviation { get; set; }
    public int? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    public List<Organisation> Children { get; set; } = [];
    public int? SuccessorId { get; set; }
    public Organisation? Successor { get; set; }
    public List<Organisation> Predecessors { get; set; } = [];
    public DateOnly? SucceededOn { get; set; }
    public DatePrecision SucceededOnPrecision { get; set; }
    // Set when the date of the succession is not in the sources: why it is recorded anyway.
    public LocalizedText SucceededOnInference { get; set; } = new();
    public string? Note { get; set; }
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchableTexts() => [.. Name.All(), Abbreviation, Note];

    public TranslationState Translation { get; set; } = new();
}

public class Person : Record, ISearchable
{
    public required string Name { get; set; }
    public LocalizedText Position { get; set; } = new();
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchableTexts() => [Name, .. Position.All()];
}
