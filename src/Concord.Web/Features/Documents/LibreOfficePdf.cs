using System.Diagnostics;

namespace Concord.Features.Documents;

// A PDF made from the DOCX by LibreOffice (`soffice --headless --convert-to pdf`), which shapes Vietnamese
// and stacked Lao marks correctly. Each conversion has a profile folder of its own (-env:UserInstallation),
// so conversions at the same time do not fight over one profile's lock. Without LibreOffice the job fails
// and says so; install it with `apt-get install libreoffice-writer-nogui` (see README).
public sealed class LibreOfficePdf(ILogger<LibreOfficePdf> log)
{
    public static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/lib/libreoffice/program"))
        {
            var candidate = Path.Combine(folder, "soffice");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static bool IsInstalled => Find() is not null;

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        var soffice = Find() ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: PDF cannot be made.");
        var work = Directory.CreateTempSubdirectory("concord-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { $"-env:UserInstallation=file://{Path.Combine(work.FullName, "profile")}", "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", work.FullName, input })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var output = Path.Combine(work.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                log.LogError("soffice failed ({Code}): {Out} {Err}", process.ExitCode, await stdout, await stderr);
                throw new InvalidOperationException($"LibreOffice could not convert the document (exit code {process.ExitCode}).");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
