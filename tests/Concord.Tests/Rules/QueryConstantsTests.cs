namespace Concord.Tests.Rules;

// EF writes an EF.Constant into the SQL from the value of the query's parameter each time the query runs, and cannot
// cache that SQL: search wrote its seven-part statements again on every request, a quarter of what it allocated
// (bench/results/alloc-2026-12-04-search.md). A value that must be a literal in the SQL is written into the expression
// as a constant instead (SiteSearch.IdSelector, SiteSearch.Selectors).
public class QueryConstantsTests
{
    [Fact]
    public void NoQueryInlinesAParameterWithEfConstant()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        var src = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found above the test folder"), "src", "Concord.Web");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} source files found.");
        var offenders = files.Where(f => File.ReadAllText(f).Contains("EF.Constant(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f)).ToList();
        Assert.True(offenders.Count == 0, $"EF.Constant in: {string.Join(", ", offenders)}");
    }
}
