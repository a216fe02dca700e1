using Concord.Data;

namespace Concord.Tests.Rules;

public class SyntheticOptionsTests
{
    static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void WithoutOptionsTheGeneratorBuildsAMinistryAtFullScaleAsOfToday()
    {
        Assert.True(SyntheticData.TryParse([], Today, out var options, out _));
        Assert.Equal(new SyntheticOptions(500_000, 10, 42, Today, false), options);
        Assert.Equal(5_000_000, options.Reports);
        Assert.InRange(options.Partners, 300, 400);
        Assert.InRange(options.Instruments, 1000, 10_000);
        Assert.Equal(2007, options.FirstYear);
    }

    [Fact]
    public void OptionsAreReadInAnyOrder()
    {
        Assert.True(SyntheticData.TryParse(["--force", "--seed", "7", "--as-of", "31/12/2025", "--commitments", "2000", "--reports-per-commitment", "0"], Today, out var options, out _));
        Assert.Equal(new SyntheticOptions(2000, 0, 7, new DateOnly(2025, 12, 31), true), options);
    }

    [Theory]
    [InlineData("--commitments abc", "--commitments takes a whole number")]
    [InlineData("--commitments 0", "--commitments takes a whole number")]
    [InlineData("--commitments", "--commitments takes a whole number")]
    [InlineData("--as-of 2026", "--as-of takes a day")]
    [InlineData("--rows 5", "Unknown option '--rows'")]
    public void AMistypedOptionIsNamedInsteadOfIgnored(string args, string message)
    {
        Assert.False(SyntheticData.TryParse(args.Split(' '), Today, out _, out var error));
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void HelpIsNotAnError()
    {
        Assert.False(SyntheticData.TryParse(["--help"], Today, out _, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void ApportioningGivesWholeNumbersInProportionThatAddUpExactly()
    {
        Assert.Equal([2, 2, 4], SyntheticWorld.Apportion([1, 1, 2], 8));
        Assert.Equal([0, 5, 0], SyntheticWorld.Apportion([0, 3, 0], 5));
        var random = new Random(1);
        var weights = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() * 10).ToArray();
        var counts = SyntheticWorld.Apportion(weights, 123_457);
        Assert.Equal(123_457, counts.Sum());
        Assert.All(counts.Select((c, i) => (c, expected: weights[i] / weights.Sum() * 123_457)), x => Assert.InRange(x.c, x.expected - 1, x.expected + 1));
    }
}
