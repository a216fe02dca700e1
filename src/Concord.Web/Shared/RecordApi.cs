using Concord.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// What the API answers about a record carries the version a later PUT is saved against.
public interface IVersioned
{
    int Version { get; }
}

// The API's create and update of any record, written once over the input's write path (RecordWrite): the same
// checks, the same save against the loaded version, the same localized errors and 409 as every other record.
public static class RecordApi
{
    // DataAnnotations and the input's own rules as one validation problem's errors, in the caller's language.
    // A rule about the record as a whole (key "") is reported under `wholeRecord`.
    public static Dictionary<string, string[]> Errors(object input, Dictionary<string, string> rules, IStringLocalizer t, string wholeRecord = "record")
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(rules, t, wholeRecord));
        return errors;
    }

    public static Dictionary<string, string[]> Localize(Dictionary<string, string> rules, IStringLocalizer t, string wholeRecord = "record") =>
        rules.ToDictionary(e => e.Key.Length == 0 ? wholeRecord : ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value });

    // 201 at `location` + the new id, with the record as GET returns it.
    public static async Task<Results<Created<TDetails>, ValidationProblem>> CreateAsync<TRecord, TInput, TDetails>(
        ConcordDb db, TInput input, CurrentUser editor, IStringLocalizer t, string location, Func<int, Task<TDetails?>> details, CancellationToken ct)
        where TRecord : Record
        where TInput : class, IRecordInput<TRecord, TInput>, new()
    {
        if (Errors(input, await input.CheckAsync(db, null, ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var (record, _) = await RecordWrite.SaveAsync<TRecord, TInput>(db, input, null, editor, ct);
        return TypedResults.Created($"{location}/{record.Id}", await details(record.Id));
    }

    // 200 with the record as saved (also when nothing changed), or 409 with the current record when the input's
    // version is stale. `allowed` refuses (403) a save this user may not make of this record, before any check.
    public static async Task<Results<Ok<TDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdateAsync<TRecord, TInput, TDetails>(
        ConcordDb db, int id, TInput input, CurrentUser editor, IStringLocalizer t, Func<int, Task<TDetails?>> details, CancellationToken ct,
        Func<TRecord, Task<bool>>? allowed = null)
        where TRecord : Record
        where TInput : class, IRecordInput<TRecord, TInput>, new()
        where TDetails : class, IVersioned
    {
        var record = await TInput.ForEdit(db).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return TypedResults.NotFound();
        if (allowed is not null && !await allowed(record)) return TypedResults.Forbid();
        if (Errors(input, await input.CheckAsync(db, record, ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var (_, outcome) = await RecordWrite.SaveAsync(db, input, record, editor, ct);
        var current = await details(id);
        return outcome == WriteOutcome.Stale ? ConflictMerge.Stale(t, current?.Version, current) : TypedResults.Ok(current!);
    }
}
