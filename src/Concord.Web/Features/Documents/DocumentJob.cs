using System.Text.Json;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Jobs;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Documents;

// Makes one requested document. It runs in the job's scope, where ConcordDb reads as the account that
// asked (JobWorker sets the viewer), so the document holds only what its owner may see.
public sealed class DocumentJob(ConcordDb db, StringCatalog catalog, TimeProvider clock, LibreOfficePdf pdf) : IJobHandler
{
    public const string Kind = "document";

    public static string Payload(int documentId) => JsonSerializer.Serialize(new { documentId });

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var id = JsonDocument.Parse(run.Job.Payload).RootElement.GetProperty("documentId").GetInt32();
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct);
        // Deleted or expired meanwhile: nothing to make.
        if (document is null) return;
        if (db.Viewer.AccountId != document.AccountId) throw new InvalidOperationException("The job does not run as the document's owner.");
        var request = DocumentRequest.FromJson(document.Request);
        var columns = request.Languages.Select(l => new DocumentText(l, catalog)).ToList();
        var today = clock.Today();
        await run.ProgressAsync(5, ct);

        var output = new MemoryStream();
        string subject;
        switch (request.Kind)
        {
            case DocumentKind.ImplementationReport:
                var report = await ImplementationReport.LoadAsync(db, request, ct)
                    ?? throw new InvalidOperationException("The meeting or instrument is not there, or its owner may not see it.");
                await run.ProgressAsync(40, ct);
                subject = columns[0].Subject(report);
                if (request.Format == DocumentFileFormat.Xlsx) ImplementationReportXlsx.Write(output, report, columns[0]);
                else ImplementationReportDocx.Write(output, report, await IssuerAsync(request.Side, ct), columns, today);
                break;
            case DocumentKind.YearlyReview:
                var year = request.Year ?? throw new InvalidOperationException("A yearly review needs its year.");
                var review = await Review.YearlyReview.LoadAsync(db, year, request.Side, ct);
                await run.ProgressAsync(40, ct);
                subject = columns[0].Format("Documents.ReviewSubject", year);
                if (request.Format == DocumentFileFormat.Xlsx) Review.ReviewDocuments.WriteXlsx(output, review, columns[0]);
                else Review.ReviewDocuments.WriteDocx(output, review, await IssuerAsync(request.Side, ct), columns, today);
                break;
            default:
                throw new InvalidOperationException($"Unknown document kind {request.Kind}.");
        }
        await run.ProgressAsync(70, ct);

        if (request.Format == DocumentFileFormat.Pdf) output = new MemoryStream(await pdf.ConvertAsync(output.ToArray(), ct));
        var name = FileNames.Safe($"{columns[0][$"Documents.FileName.{request.Kind}"]} - {subject} - {today:yyyy-MM-dd}");
        document.Content = output.ToArray();
        document.Size = document.Content.Length;
        document.FileName = name + Extension(request.Format);
        document.ContentType = ContentType(request.Format);
        await db.SaveChangesAsync(ct);
    }

    // The issuing body is the owner's organisation and the body above it, named in the heading's language.
    async Task<Issuer> IssuerAsync(string side, CancellationToken ct)
    {
        var language = OfficialHeading.LanguageOf(side);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == db.Viewer.OrganisationId)
            .Select(o => new { o.Name, o.Abbreviation, o.Country, Parent = o.Parent == null ? null : o.Parent.Name })
            .SingleOrDefaultAsync(ct);
        if (org is null || org.Country != side) return new Issuer(side, null, catalogFallback(side), null);
        return new Issuer(side, org.Parent?.Best(language).Text, org.Name.Best(language).Text, org.Abbreviation);
    }

    // A document issued in the name of the side the owner does not belong to names no unit of it.
    string catalogFallback(string side) => catalog.Find($"Documents.Side.{side}", OfficialHeading.LanguageOf(side)) ?? side;

    public static string Extension(DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Xlsx => ".xlsx",
        DocumentFileFormat.Pdf => ".pdf",
        _ => ".docx",
    };

    public static string ContentType(DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentFileFormat.Pdf => "application/pdf",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
}

public static class FileNames
{
    // Keeps Vietnamese and Lao letters (the download header encodes them, RFC 6266/5987); drops what a
    // file system refuses.
    public static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '<', '>', '|', ':', '*', '?', '\\', '/']).ToHashSet();
        var cleaned = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c)]).Trim();
        while (cleaned.Contains("  ")) cleaned = cleaned.Replace("  ", " ");
        return cleaned.Length > 150 ? cleaned[..150].Trim() : cleaned;
    }
}
