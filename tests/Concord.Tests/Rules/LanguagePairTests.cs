using Concord.Features.Bilingual;

namespace Concord.Tests.Rules;

public class LanguagePairTests
{
    [Theory]
    [InlineData("vi", "vi", "lo")]
    [InlineData("lo", "lo", "vi")]
    [InlineData("en", "en", "vi")]
    public void EachReaderGetsTheirOwnLanguageOnTheLeftAndTheOtherDelegationsOnTheRight(string reader, string left, string right) =>
        Assert.Equal(new LanguagePair(left, right), LanguagePair.For(reader, null, null));

    [Fact]
    public void AChosenPairIsKeptWhateverTheReadersLanguage() =>
        Assert.Equal(new LanguagePair("en", "lo"), LanguagePair.For("vi", "en", "lo"));

    [Fact]
    public void TheSameLanguageTwiceKeepsTheLeftAndGivesTheRightItsPartner()
    {
        Assert.Equal(new LanguagePair("lo", "vi"), LanguagePair.For("vi", "lo", "lo"));
        Assert.Equal(new LanguagePair("vi", "lo"), LanguagePair.For("en", "vi", "vi"));
    }

    [Fact]
    public void OnlyTheRightChosenPutsTheReadersLanguageBesideItUnlessItIsTheSame()
    {
        Assert.Equal(new LanguagePair("vi", "en"), LanguagePair.For("vi", null, "en"));
        Assert.Equal(new LanguagePair("lo", "vi"), LanguagePair.For("vi", null, "vi"));
    }

    [Fact]
    public void ALanguageConcordDoesNotHaveIsIgnored()
    {
        Assert.Equal(new LanguagePair("vi", "lo"), LanguagePair.For("vi", "fr", "<script>"));
        Assert.Equal(new LanguagePair("vi", "lo"), LanguagePair.For("th", null, null));
    }

    [Fact]
    public void SwappingPutsTheRightOnTheLeft() =>
        Assert.Equal(new LanguagePair("lo", "vi"), new LanguagePair("vi", "lo").Swapped);
}
