using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireRateLimiting(RateLimits.Api);
        organisations.MapGet("/", List).AllowAnonymous();
        organisations.MapGet("/{id:int}", Get).AllowAnonymous();
        organisations.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        organisations.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);

        var people = app.MapGroup("/api/people").WithTags("People").RequireRateLimiting(RateLimits.Api);
        people.MapGet("/", ListPeople).AllowAnonymous();
        people.MapGet("/{id:int}", GetPerson).AllowAnonymous();
        people.MapPost("/", CreatePerson).RequireAuthorization(Access.EditRecord);
        people.MapPut("/{id:int}", UpdatePerson).RequireAuthorization(Access.EditRecord);
        return app;
    }

    static async Task<Ok<Page<OrganisationRow>>> List([AsParameters] OrganisationFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await OrganisationList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<OrganisationDetails>, NotFound>> Get(int id, ConcordDb db, CancellationToken ct) =>
        await OrganisationDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static Task<Results<Created<OrganisationDetails>, ValidationProblem>> Create(OrganisationInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Organisation, OrganisationInput, OrganisationDetails>(db, input, user, t, "/api/organisations", id => OrganisationDetails.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<OrganisationDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, OrganisationInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Organisation, OrganisationInput, OrganisationDetails>(db, id, input, user, t, x => OrganisationDetails.LoadAsync(db, x, ct), ct);

    static async Task<Ok<Page<PersonRow>>> ListPeople([AsParameters] PersonFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await PersonList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<PersonRow>, NotFound>> GetPerson(int id, ConcordDb db, CancellationToken ct) =>
        await PersonList.LoadAsync(db, id, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    static Task<Results<Created<PersonRow>, ValidationProblem>> CreatePerson(PersonInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Person, PersonInput, PersonRow>(db, input, user, t, "/api/people", id => PersonList.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<PersonRow>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdatePerson(
        int id, PersonInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Person, PersonInput, PersonRow>(db, id, input, user, t, x => PersonList.LoadAsync(db, x, ct), ct);
}
