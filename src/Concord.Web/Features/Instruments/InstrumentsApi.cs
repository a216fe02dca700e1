using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
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

    static Task<Results<Created<InstrumentDetails>, ValidationProblem>> Create(InstrumentInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Instrument, InstrumentInput, InstrumentDetails>(db, input, user, t, "/api/instruments", id => InstrumentDetails.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<InstrumentDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, InstrumentInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Instrument, InstrumentInput, InstrumentDetails>(db, id, input, user, t, x => InstrumentDetails.LoadAsync(db, x, ct), ct);
}
