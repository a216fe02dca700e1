using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddConcordAudit(this IServiceCollection services) =>
        // A progress report's history sits beside its edit page (/commitments/12/reports/34/edit); the
        // history page's own route covers the records that have a page of their own.
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Audit/History", "commitments/{commitmentId:int}/reports/{id:int}/history"));
}
