using System.Diagnostics;

namespace Concord.Tests.Features;

// What Concord says when it cannot start as configured: one sentence naming the setting or the path and
// the cause, and a non-zero exit, instead of a stack trace (issue 10, findings 7 and 10). Run as the
// real program, as an operator would start it.
public class StartupChecksTests
{
    static Task<(int Exit, string Output)> RunAsync(params (string Name, string Value)[] environment) => RunAsync([], environment);

    // Concord.Web.dll with these arguments (a verb such as backup) and environment, until it exits.
    internal static async Task<(int Exit, string Output)> RunAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet", ["Concord.Web.dll", .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Nothing of the test run's own settings leaks in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_ENVIRONMENT") || k.StartsWith("Accounts__") || k.StartsWith("Database__") || k.StartsWith("ConnectionStrings__")).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("Concord kept running: " + await output + await error);
        }
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task InProductionConcordRefusesToStartWithoutItsPublicAddress()
    {
        var (exit, output) = await RunAsync(("ASPNETCORE_ENVIRONMENT", "Production"));
        Assert.NotEqual(0, exit);
        Assert.Contains("Accounts__PublicUrl", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ADatabaseInAMissingFolderIsNamedWithItsCauseInsteadOfAStackTrace()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"concord-missing-{Guid.NewGuid():N}", "concord.db");
        var (exit, output) = await RunAsync(("ASPNETCORE_ENVIRONMENT", "Development"), ("ConnectionStrings__Concord", $"Data Source={missing}"));
        Assert.NotEqual(0, exit);
        Assert.Contains(missing, output);
        Assert.Contains("does not exist", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ADatabasePathThroughAFileIsNamedWithItsCause()
    {
        var file = Path.GetTempFileName();
        try
        {
            var path = Path.Combine(file, "concord.db");
            var (exit, output) = await RunAsync(("ASPNETCORE_ENVIRONMENT", "Development"), ("ConnectionStrings__Concord", $"Data Source={path}"));
            Assert.NotEqual(0, exit);
            Assert.Contains(path, output);
            Assert.Contains("not a folder", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally { File.Delete(file); }
    }
}
