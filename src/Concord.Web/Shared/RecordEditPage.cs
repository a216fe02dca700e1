using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// The steps every edit form takes, written once: load the record into the form, check and save it through
// the input's one write path, and after a refused save show the conflict table and save the merge.
// A page names what differs (its query, its choices, where a save lands) and keeps its own handlers, which
// call these; its routes and extra parameters stay visible on the page.
public abstract class RecordEditPage<TRecord, TInput>(ConcordDb db, IStringLocalizer t, CurrentUser editor) : PageModel
    where TRecord : Record
    where TInput : class, IRecordInput<TRecord, TInput>, new()
{
    protected ConcordDb Db { get; } = db;
    protected IStringLocalizer T { get; } = t;
    protected CurrentUser Editor { get; } = editor;

    [BindProperty]
    public TInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; protected set; }
    public string? Side => Editor.Country;

    // The records this page edits, as its input loads them; a page narrows it (a report under its commitment).
    protected virtual IQueryable<TRecord> Records => TInput.ForEdit(Db);
    protected abstract Task LoadChoicesAsync(CancellationToken ct);
    // Names an id of a field ending in Id or Ids in the conflict table (null: shown as "#id").
    protected abstract string? NameOf(string field, int id);
    // Where a saved record is shown.
    protected abstract string PageOf(TRecord record);
    // Refuses (a result) or allows (null) a save of this record by this user, before anything is checked.
    protected virtual Task<IActionResult?> RefuseAsync(TRecord? existing, CancellationToken ct) => Task.FromResult<IActionResult?>(null);
    // Runs on every save before the input is checked (an extra box folded into the input).
    protected virtual void BeforeCheck() { }
    // Runs on every load of the saved record into this page, for what the page shows beside the form.
    protected virtual void Loaded(TRecord record) { }

    // GET of an existing record: the form holds its saved values.
    protected async Task<IActionResult> EditAsync(int id, CancellationToken ct)
    {
        var record = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return NotFound();
        if (await RefuseAsync(record, ct) is { } refused) return refused;
        Id = id;
        Loaded(record);
        Input = TInput.From(record);
        Merge.Loaded = ConflictMerge.Fingerprint(Input);
        await LoadChoicesAsync(ct);
        return Page();
    }

    // GET of a new record, whose Input the page has filled with its defaults.
    protected async Task<IActionResult> NewAsync(CancellationToken ct)
    {
        if (await RefuseAsync(null, ct) is { } refused) return refused;
        await LoadChoicesAsync(ct);
        return Page();
    }

    // POST: a new record (id null) or an edit. Errors show beside their fields with everything typed kept;
    // a save says it saved, or that nothing changed, on the page it lands on.
    protected async Task<IActionResult> SaveAsync(int? id, CancellationToken ct)
    {
        Id = id;
        TRecord? existing = null;
        if (id is { } existingId)
        {
            existing = await Records.SingleOrDefaultAsync(r => r.Id == existingId, ct);
            if (existing is null) return NotFound();
            Loaded(existing);
        }
        if (await RefuseAsync(existing, ct) is { } refused) return refused;
        BeforeCheck();
        ModelState.AddRuleErrors(await Input.CheckAsync(Db, existing, ct), T);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var (record, outcome) = await RecordWrite.SaveAsync(Db, Input, existing, Editor, ct);
        if (outcome == WriteOutcome.Stale) return await ConflictAsync(record.Id, ct);
        TempData[Flash.Key] = outcome == WriteOutcome.Unchanged ? Flash.Unchanged : Flash.Saved;
        return Redirect(PageOf(record));
    }

    // "Save merged version" from the conflict table.
    protected async Task<IActionResult> MergeAsync(int id, CancellationToken ct)
    {
        var current = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, TInput.From(current), current.Version, Input);
        return await SaveAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (current is null) return NotFound();
        // Moved out of this user's reach meanwhile (a report moved to the other side): not theirs to merge.
        if (await RefuseAsync(current, ct) is { } refused) return refused;
        Loaded(current);
        var saved = TInput.From(current);
        await LoadChoicesAsync(ct);
        await LoadConflictNamesAsync(saved, ct);
        await this.ShowConflictAsync(Db, Merge, current, saved, Input, NameOf, T, ct);
        return Page();
    }

    // Before the conflict table is built: names that only the saved version holds, for NameOf.
    protected virtual Task LoadConflictNamesAsync(TInput saved, CancellationToken ct) => Task.CompletedTask;
}

// The short confirmation shown on the page a save lands on (Features/Shared/_Layout.cshtml), announced
// to screen readers.
public static class Flash
{
    public const string Key = "Flash";
    public const string Saved = "Saved";
    public const string Unchanged = "Unchanged";
    public const string Withdrawn = "Withdrawn";
    public const string Restored = "Restored";
    public const string CarriedOver = "CarriedOver";
    public const string Requested = "Requested";
    public const string Revoked = "Revoked";
    public const string SessionsEnded = "SessionsEnded";
    public const string TwoFactorOff = "TwoFactorOff";
    public const string Attached = "Attached";
    public const string FileWithdrawn = "FileWithdrawn";
    // "Send a reminder now" on a round's page: sent, or why not.
    public const string ReminderSent = "ReminderSent";
    public const string ReminderTooSoon = "ReminderTooSoon";
    public const string ReminderNothingOwed = "ReminderNothingOwed";
    public const string ReminderNoFocalPoint = "ReminderNoFocalPoint";
    // A message already in the reader's language (a verification naming its language), and whether it warns.
    public const string Text = "FlashText";
    public const string Warning = "FlashWarning";
}
