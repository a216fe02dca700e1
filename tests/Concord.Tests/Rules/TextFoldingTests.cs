using Concord.Shared;

namespace Concord.Tests.Rules;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Hợp tác", "hop tac")]
    [InlineData("Đào tạo", "dao tao")]
    [InlineData("ĐÀO TẠO", "dao tao")]
    [InlineData("Bản Cân", "ban can")]
    [InlineData("Ninh Bình", "ninh binh")]
    [InlineData("Labour Cooperation", "labour cooperation")]
    public void VietnameseWithoutDiacriticsMatchesTextWithThem(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void DecomposedInputFoldsLikeComposedInput() =>
        Assert.Equal(TextFolding.Fold("Hợp tác"), TextFolding.Fold("Hợp tác".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void LaoKeepsItsVowelAndToneMarksSoAWordIsFoundInsideASentence()
    {
        const string ministry = "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ";
        var folded = TextFolding.Fold(ministry);
        Assert.Equal(ministry, folded);
        Assert.Contains(TextFolding.Fold("ແຮງງານ"), folded);
    }
}
