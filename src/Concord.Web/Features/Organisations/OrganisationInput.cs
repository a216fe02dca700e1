using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// What a form or an API call may set on an organisation; bound instead of the entity
// (so the demo's stable Key, for one, cannot be changed from a form).
public sealed class OrganisationInput : IRecordInput<Organisation, OrganisationInput>
{
    // International bodies and international NGOs belong to no one country.
    public static readonly string[] KindsWithoutCountry = ["international-organisation", "ngo"];

    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Organisations.Kind")] public int? KindId { get; set; }
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Organisations.CountryCode")]
    [FieldLabel("Organisations.Country")] public string? Country { get; set; }
    [FieldLabel("Organisations.Name", "vi"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? NameVi { get; set; }
    [FieldLabel("Organisations.Name", "en"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? NameEn { get; set; }
    [FieldLabel("Organisations.Name", "lo"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? NameLo { get; set; }
    [FieldLabel("Organisations.Abbreviation"), StringLength(40, ErrorMessage = "Validation.TooLong")] public string? Abbreviation { get; set; }
    [FieldLabel("Organisations.Parent")] public int? ParentId { get; set; }
    [FieldLabel("Organisations.Successor")] public int? SuccessorId { get; set; }
    // A partial date as typed: "2025", "03/2025", "01/03/2025".
    [FieldLabel("Organisations.SucceededOn")] public string? SucceededOn { get; set; }
    [FieldLabel("Organisations.Note"), StringLength(2000, ErrorMessage = "Validation.TooLong")] public string? Note { get; set; }
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }

    public static OrganisationInput From(Organisation o) => new()
    {
        KindId = o.KindId,
        Country = o.Country,
        NameVi = o.Name.Vi, NameEn = o.Name.En, NameLo = o.Name.Lo, OriginalLanguage = o.Translation.Original,
        Abbreviation = o.Abbreviation,
        ParentId = o.ParentId,
        SuccessorId = o.SuccessorId,
        SucceededOn = PartialDate.From(o.SucceededOn, o.SucceededOnPrecision)?.ToInputText(),
        Note = o.Note,
        Version = o.Version,
    };

    public static IQueryable<Organisation> ForEdit(ConcordDb db) => db.Organisations;

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Organisation? existing, CancellationToken ct)
    {
        var id = existing?.Id;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(NameVi) && string.IsNullOrWhiteSpace(NameEn) && string.IsNullOrWhiteSpace(NameLo))
            errors[nameof(NameVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(NameVi, NameEn, NameLo)) is { } original) errors[nameof(OriginalLanguage)] = original;
        if (KindId is { } kind)
        {
            var code = await TermChoices.ChoosableCodeAsync(db, Vocabularies.OrganisationKind, kind, existing?.KindId, ct);
            if (code is null) errors[nameof(KindId)] = "Validation.UnknownChoice";
            else if (string.IsNullOrWhiteSpace(Country) && !KindsWithoutCountry.Contains(code)) errors[nameof(Country)] = "Organisations.CountryRequired";
        }

        if (ParentId is { } parent)
        {
            if (parent == id) errors[nameof(ParentId)] = "Organisations.ParentItself";
            else if (!await db.Organisations.AnyAsync(o => o.Id == parent, ct)) errors[nameof(ParentId)] = "Validation.UnknownChoice";
            else if (id is { } self && await LeadsBackAsync(db, parent, self, o => o.ParentId, ct)) errors[nameof(ParentId)] = "Organisations.ParentCycle";
        }
        if (SuccessorId is { } successor)
        {
            if (successor == id) errors[nameof(SuccessorId)] = "Organisations.SuccessorItself";
            else if (!await db.Organisations.AnyAsync(o => o.Id == successor, ct)) errors[nameof(SuccessorId)] = "Validation.UnknownChoice";
            else if (id is { } self && await LeadsBackAsync(db, successor, self, o => o.SuccessorId, ct)) errors[nameof(SuccessorId)] = "Organisations.SuccessorCycle";
        }
        if (!string.IsNullOrWhiteSpace(SucceededOn))
        {
            if (!PartialDate.TryParse(SucceededOn, out _)) errors[nameof(SucceededOn)] = "Validation.Date";
            else if (SuccessorId is null) errors[nameof(SucceededOn)] = "Organisations.SucceededOnWithoutSuccessor";
        }
        return errors;
    }

    // Would making `start` the parent (or successor) of `self` close a loop? Follows the chain up
    // from `start`; hierarchies are a few levels deep, so one small query a step is cheap.
    static async Task<bool> LeadsBackAsync(ConcordDb db, int start, int self, System.Linq.Expressions.Expression<Func<Organisation, int?>> next, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        int? current = start;
        while (current is { } c && seen.Add(c) && seen.Count < 100)
        {
            if (c == self) return true;
            current = await db.Organisations.Where(o => o.Id == c).Select(next).SingleOrDefaultAsync(ct);
        }
        return false;
    }

    public Task<Organisation> ApplyAsync(ConcordDb db, Organisation? existing, CurrentUser editor, CancellationToken ct)
    {
        var organisation = existing ?? db.Organisations.Add(new Organisation()).Entity;
        ApplyTo(organisation);
        return Task.FromResult(organisation);
    }

    void ApplyTo(Organisation o)
    {
        o.KindId = KindId!.Value;
        o.Country = Clean(Country)?.ToUpperInvariant();
        o.Name = new LocalizedText(Clean(NameVi), Clean(NameEn), Clean(NameLo));
        OriginalLanguageChoice.Apply(o, OriginalLanguage);
        o.Abbreviation = Clean(Abbreviation);
        o.ParentId = ParentId;
        o.SuccessorId = SuccessorId;
        (o.SucceededOn, o.SucceededOnPrecision) = PartialDate.TryParse(SucceededOn, out var d) && SuccessorId is not null
            ? ((DateOnly?)d.Date, d.Precision) : (null, DatePrecision.Day);
        o.Note = Clean(Note);
    }

}

public sealed class PersonInput : IRecordInput<Person, PersonInput>
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [FieldLabel("People.Name")] public string? Name { get; set; }
    [FieldLabel("People.Position", "vi"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? PositionVi { get; set; }
    [FieldLabel("People.Position", "en"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? PositionEn { get; set; }
    [FieldLabel("People.Position", "lo"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? PositionLo { get; set; }
    [FieldLabel("People.Organisation")] public int? OrganisationId { get; set; }
    public int Version { get; set; }

    public static PersonInput From(Person p) => new()
    {
        Name = p.Name,
        PositionVi = p.Position.Vi, PositionEn = p.Position.En, PositionLo = p.Position.Lo,
        OrganisationId = p.OrganisationId,
        Version = p.Version,
    };

    public static IQueryable<Person> ForEdit(ConcordDb db) => db.People;

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Person? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            errors[nameof(OrganisationId)] = "Validation.UnknownChoice";
        return errors;
    }

    public Task<Person> ApplyAsync(ConcordDb db, Person? existing, CurrentUser editor, CancellationToken ct)
    {
        var person = existing ?? db.People.Add(new Person { Name = "" }).Entity;
        ApplyTo(person);
        return Task.FromResult(person);
    }

    void ApplyTo(Person p)
    {
        p.Name = Name!.Trim();
        p.Position = new LocalizedText(Clean(PositionVi), Clean(PositionEn), Clean(PositionLo));
        p.OrganisationId = OrganisationId;
    }
}
