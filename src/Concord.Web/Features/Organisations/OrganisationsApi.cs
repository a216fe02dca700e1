using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    static async Task<Results<Created<OrganisationDetails>, ValidationProblem>> Create(OrganisationInput input, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(await input.CheckAsync(db, null, ct), t));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var organisation = new Organisation();
        input.ApplyTo(organisation);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organisations/{organisation.Id}", await OrganisationDetails.LoadAsync(db, organisation.Id, ct));
    }

    static async Task<Results<Ok<OrganisationDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, OrganisationInput input, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return TypedResults.NotFound();
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(await input.CheckAsync(db, id, ct), t));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Save(db, organisation, input.Version, () => input.ApplyTo(organisation));
        var saved = await db.TrySaveAsync(ct);
        var details = await OrganisationDetails.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    static async Task<Ok<Page<PersonRow>>> ListPeople([AsParameters] PersonFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await PersonList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<PersonRow>, NotFound>> GetPerson(int id, ConcordDb db, CancellationToken ct) =>
        await PersonList.LoadAsync(db, id, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    static async Task<Results<Created<PersonRow>, ValidationProblem>> CreatePerson(PersonInput input, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(await input.CheckAsync(db, ct), t));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var person = new Person { Name = "" };
        input.ApplyTo(person);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/people/{person.Id}", await PersonList.LoadAsync(db, person.Id, ct));
    }

    static async Task<Results<Ok<PersonRow>, NotFound, ValidationProblem, ProblemHttpResult>> UpdatePerson(
        int id, PersonInput input, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(await input.CheckAsync(db, ct), t));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Save(db, person, input.Version, () => input.ApplyTo(person));
        var saved = await db.TrySaveAsync(ct);
        var current = await PersonList.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(current!) : ConflictMerge.Stale(t, current?.Version, current);
    }

    internal static void Save<T>(ConcordDb db, T record, int loadedVersion, Action apply) where T : Record
    {
        db.SaveAgainstVersion(record, loadedVersion);
        apply();
    }

    static Dictionary<string, string[]> Localize(Dictionary<string, string> errors, IStringLocalizer t) =>
        errors.ToDictionary(e => ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value });
}
