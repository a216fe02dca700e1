namespace Concord.Features.Organisations;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app) => app;
}
