using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Jobs;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Documents;

public sealed class DocumentOptions
{
    // How long a made document is kept for its owner to download.
    public TimeSpan Keep { get; set; } = TimeSpan.FromDays(7);
}

public static class DocumentsSetup
{
    public static IServiceCollection AddConcordDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration("Documents");
        services.AddSingleton<LibreOfficePdf>();
        services.AddConcordJobs();
        services.AddJobHandler<DocumentJob>(DocumentJob.Kind);
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:int}/file", Download).RequireAuthorization(Access.SignedIn).ExcludeFromDescription();
        return app;
    }

    // The file, to its owner only; the name in Vietnamese or Lao goes out as filename* (RFC 6266/5987).
    static async Task<Results<FileContentHttpResult, NotFound>> Download(int id, ConcordDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var file = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id && d.AccountId == user.AccountId && d.ExpiresAt > now && d.Content != null)
            .Select(d => new { d.Content, d.ContentType, d.FileName })
            .SingleOrDefaultAsync(ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content!, file.ContentType, file.FileName);
    }

    // Asks for a document: its row, then the job that makes it; the worker on this instance starts at once.
    public static async Task<GeneratedDocument> RequestAsync(ConcordDb db, JobSignal signal, DocumentRequest request, string subject, int accountId,
        DateTime now, TimeSpan keep, CancellationToken ct)
    {
        // Expired documents go when someone asks for a new one: the table holds only what can still be downloaded.
        await db.Documents.Where(d => d.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var document = new GeneratedDocument
        {
            AccountId = accountId, Kind = request.Kind, Format = request.Format, Request = request.ToJson(),
            Subject = subject.Length > 500 ? subject[..500] : subject, CreatedAt = now, ExpiresAt = now + keep,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        var job = await JobQueue.EnqueueAsync(db, DocumentJob.Kind, DocumentJob.Payload(document.Id), accountId, now, ct);
        document.JobId = job.Id;
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return document;
    }
}
