using Concord.Shared;

namespace Concord.Tests.Rules;

// The order names are read in, in memory; CollationTests checks that both databases agree with it.
public class ReaderOrderTests
{
    static string[] Sorted(string language, params string[] names) => [.. names.Order(Collation.Comparer(language))];

    [Fact]
    public void VietnameseLettersWithMarksFollowTheirBaseLetter() =>
        Assert.Equal(
            ["An", "Ăn", "Ân", "Dương", "Đà Nẵng", "Em", "Ôn", "Ơn", "Uy", "Ưu", "Xuân"],
            Sorted("vi", "Xuân", "Ưu", "Đà Nẵng", "Ơn", "Em", "Ân", "Uy", "Dương", "Ôn", "Ăn", "An"));

    [Fact]
    public void VietnameseTonesComeAfterTheLettersInTheirOwnOrder() =>
        Assert.Equal(["a", "à", "ả", "ã", "á", "ạ", "Anh", "Ảnh", "Bắc"], Sorted("vi", "ạ", "Bắc", "ả", "á", "Ảnh", "a", "ã", "Anh", "à"));

    [Fact]
    public void LaoFollowsItsAlphabetAndSortsAPreposedVowelByTheConsonantAfterIt() =>
        Assert.Equal(
            ["ກົມ", "ເກັບ", "ແຂວງ", "ຄະນະ", "ຈຳປາສັກ", "ສູນ", "ຊຽງຂວາງ", "ໄຊຍະບູລີ", "ວຽງຈັນ", "ຫຼວງພະບາງ", "ອັດຕະປື", "ໂຮງຮຽນ"],
            Sorted("lo", "ໂຮງຮຽນ", "ຊຽງຂວາງ", "ແຂວງ", "ອັດຕະປື", "ສູນ", "ກົມ", "ໄຊຍະບູລີ", "ຫຼວງພະບາງ", "ຈຳປາສັກ", "ວຽງຈັນ", "ຄະນະ", "ເກັບ"));

    [Fact]
    public void LaoReaderSeesLaoNamesBeforeNamesInLatinLetters()
    {
        Assert.Equal(["ກົມ", "ສູນ", "Bộ Nội vụ", "Đà Nẵng"], Sorted("lo", "Đà Nẵng", "ສູນ", "Bộ Nội vụ", "ກົມ"));
        Assert.Equal(["Bộ Nội vụ", "Đà Nẵng", "ກົມ", "ສູນ"], Sorted("vi", "Đà Nẵng", "ສູນ", "Bộ Nội vụ", "ກົມ"));
    }

    [Fact]
    public void EnglishIgnoresCaseAndReadsVietnameseLettersAsTheirBaseLetter() =>
        Assert.Equal(["academy", "Agency", "bureau", "Centre", "Đà Nẵng", "Dương"], Sorted("en", "Dương", "Centre", "bureau", "Đà Nẵng", "Agency", "academy"));

    [Fact]
    public void NamesThatDifferOnlyInCaseStillHaveAFixedOrder()
    {
        var order = Collation.Comparer("en");
        Assert.NotEqual(0, order.Compare("ba", "Ba"));
        Assert.Equal(-order.Compare("ba", "Ba"), order.Compare("Ba", "ba"));
    }
}
