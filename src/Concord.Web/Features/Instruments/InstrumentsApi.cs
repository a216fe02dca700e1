using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Instruments;

public static class InstrumentsApi
{
    public static IEndpointRouteBuilder MapInstrumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instruments").WithTags("Instruments").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", List).AllowAnonymous();
        api.MapGet("/{id:int}", Get).AllowAnonymous();
        api.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);
        return app;
    }

    static async Task<Ok<Page<InstrumentRow>>> List([AsParameters] InstrumentFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await InstrumentList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<InstrumentDetails>, NotFound>> Get(int id, ConcordDb db, CancellationToken ct) =>
        await InstrumentDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static async Task<Results<Created<InstrumentDetails>, ValidationProblem>> Create(InstrumentInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        if (await CheckAsync(input, null, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var instrument = new Instrument();
        input.ApplyTo(instrument, user);
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/instruments/{instrument.Id}", await InstrumentDetails.LoadAsync(db, instrument.Id, ct));
    }

    static async Task<Results<Ok<InstrumentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, InstrumentInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        var instrument = await InstrumentInput.ForEdit(db).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instrument is null) return TypedResults.NotFound();
        if (await CheckAsync(input, id, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        db.SaveAgainstVersion(instrument, input.Version);
        input.ApplyTo(instrument, user);
        var saved = await db.TrySaveAsync(ct);
        var details = await InstrumentDetails.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    static async Task<Dictionary<string, string[]>> CheckAsync(InstrumentInput input, int? self, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge((await input.CheckAsync(db, self, ct)).ToDictionary(e => ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value }));
        return errors;
    }
}
