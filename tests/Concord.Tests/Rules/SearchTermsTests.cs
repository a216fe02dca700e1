using Concord.Features.Search;

namespace Concord.Tests.Rules;

public class SearchTermsTests
{
    [Fact]
    public void QueryIsFoldedAndSplitIntoWordsThatMustAllOccur() =>
        Assert.Equal(["dao", "tao", "nghe"], SearchTerms.Parse("  ĐÀO   Tạo nghề ").Words);

    [Fact]
    public void OneLetterWordsAndSurroundingPunctuationAreLeftOut() =>
        Assert.Equal(["ban", "can"], SearchTerms.Parse("\"Bản Cân\", ở").Words);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(" đ ")]
    public void AQueryWithoutATwoLetterWordIsTooShort(string? query) => Assert.True(SearchTerms.Parse(query).IsTooShort);

    [Fact]
    public void LikeWildcardsAndTheEscapeCharacterAreEscaped() =>
        Assert.Equal(["%50\\%%", "%a\\_b%", "%c:\\\\x%"], SearchTerms.Parse("50% a_b C:\\x").Patterns);

    [Fact]
    public void AVeryLongQueryIsCutToTheFirstWords() =>
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.Parse(string.Join(' ', Enumerable.Range(10, 30))).Words.Count);
}
