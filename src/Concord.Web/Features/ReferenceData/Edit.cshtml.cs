using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.ReferenceData;

// Serves /admin/reference/new (New.cshtml) and /admin/reference/{id}/edit (Edit.cshtml).
// A term's code is fixed once made: ReferenceTerms matches the shipped defaults by code at every start,
// and would add a renamed default back.
[Authorize(Policy = Access.Administer)]
public class EditModel(ConcordDb db, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public TermInput Input { get; set; } = new();
    public int? Id { get; private set; }
    // The term as saved now, shown when someone else changed it while this form was open.
    public Term? Current { get; private set; }

    public sealed class TermInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        public string? Vocabulary { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(80, ErrorMessage = "Validation.TooLong")]
        [RegularExpression("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", ErrorMessage = "ReferenceData.CodeFormat")]
        public string? Code { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? NameVi { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? NameEn { get; set; }
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? NameLo { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
        public int? SortOrder { get; set; }
        public bool IsActive { get; set; } = true;
        // What the form was opened with (a digest): a save over someone else's change is refused.
        public string? Loaded { get; set; }

        public static TermInput From(Term term) => new()
        {
            Vocabulary = term.Vocabulary, Code = term.Code,
            NameVi = term.Name.Vi, NameEn = term.Name.En, NameLo = term.Name.Lo,
            SortOrder = term.SortOrder, IsActive = term.IsActive, Loaded = Digest(term),
        };
    }

    // Term has no version column; the digest of what an administrator can change stands in for one.
    static string Digest(Term term) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', term.Name.Vi, term.Name.En, term.Name.Lo, term.SortOrder, term.IsActive))))[..16];

    public async Task<IActionResult> OnGetAsync(int? id, string? vocabulary, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var term = await db.Terms.AsNoTracking().SingleOrDefaultAsync(x => x.Id == existing, ct);
            if (term is null) return NotFound();
            Input = TermInput.From(term);
            Id = existing;
            return Page();
        }
        if (!Vocabularies.All.Contains(vocabulary)) vocabulary = null;
        Input = new TermInput { Vocabulary = vocabulary, SortOrder = await NextSortOrderAsync(vocabulary, ct) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Term? term = null;
        if (id is { } existing)
        {
            term = await db.Terms.SingleOrDefaultAsync(x => x.Id == existing, ct);
            if (term is null) return NotFound();
            // Shown read-only; what was posted for them does not count.
            Input.Vocabulary = term.Vocabulary;
            Input.Code = term.Code;
            ModelState.Remove("Input.Vocabulary");
            ModelState.Remove("Input.Code");
            if (Input.Loaded != Digest(term))
            {
                ModelState.AddModelError("", t["ReferenceData.Conflict"]);
                Current = term;
                // Saving again, having seen the current values, is a deliberate choice.
                Input.Loaded = Digest(term);
                ModelState.Remove("Input.Loaded");
            }
        }
        else
        {
            Input.Code = Input.Code?.Trim();
            if (Input.Vocabulary is not null && !Vocabularies.All.Contains(Input.Vocabulary))
                ModelState.AddModelError("Input.Vocabulary", t["Validation.UnknownChoice"]);
            else if (Input.Vocabulary is not null && Input.Code is { Length: > 0 } code && await CodeTakenAsync(Input.Vocabulary, code, ct))
                ModelState.AddModelError("Input.Code", t["ReferenceData.CodeTaken"]);
        }
        if (!ModelState.IsValid) return Page();

        if (term is null)
        {
            term = new Term { Vocabulary = Input.Vocabulary!, Code = Input.Code! };
            db.Terms.Add(term);
        }
        term.Name = new LocalizedText(Input.NameVi!.Trim(), Input.NameEn!.Trim(), string.IsNullOrWhiteSpace(Input.NameLo) ? null : Input.NameLo.Trim());
        term.SortOrder = Input.SortOrder!.Value;
        term.IsActive = Input.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (id is null)
        {
            // Another administrator added the same code a moment ago (the unique index caught it).
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Code", t["ReferenceData.CodeTaken"]);
            return Page();
        }
        TempData[Flash.Key] = Flash.Saved;
        return LocalRedirect($"/admin/reference#term-{term.Id}");
    }

    // Codes differ by more than case: "usd" beside "USD" would only confuse.
    Task<bool> CodeTakenAsync(string vocabulary, string code, CancellationToken ct)
    {
        var lower = code.ToLowerInvariant();
        return db.Terms.AnyAsync(x => x.Vocabulary == vocabulary && x.Code.ToLower() == lower, ct);
    }

    async Task<int> NextSortOrderAsync(string? vocabulary, CancellationToken ct) =>
        vocabulary is null ? 1 : (await db.Terms.Where(x => x.Vocabulary == vocabulary).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 1;
}
