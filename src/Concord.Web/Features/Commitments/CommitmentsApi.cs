namespace Concord.Features.Commitments;

public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app) => app;
}
