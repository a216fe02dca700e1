namespace Concord.Data;

// TODO(helper): fills a database with synthetic data at a ministry's scale; being written now.
public static class SyntheticData
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args) => Task.FromResult(0);
}
