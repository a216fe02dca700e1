using Concord.Features.Activities;
using Concord.Shared;

namespace Concord.Tests.Rules;

public class ActivityRulesTests
{
    [Theory]
    [InlineData(10, 6, 4, false)]
    [InlineData(10, 6, 5, true)]
    [InlineData(10, 11, null, true)]
    [InlineData(10, 7, null, false)]
    [InlineData(null, 6, 5, false)]
    [InlineData(0, null, null, false)]
    public void WomenAndMenMayNotAddUpToMoreThanTheTotal(int? total, int? women, int? men, bool exceeds) =>
        Assert.Equal(exceeds, ActivityInput.PeopleSplitExceedsTotal(total, women, men));

    [Fact]
    public void DatesShowAtTheirPrecisionOrTheSourcesWords()
    {
        using var _ = new CultureScope("vi");
        Assert.Equal("2019 – 2021", ActivityFormat.Dates(PartialDate.OfYear(2019), PartialDate.OfYear(2021), null));
        Assert.Equal("04/2019", ActivityFormat.Dates(PartialDate.OfMonth(2019, 4), PartialDate.OfMonth(2019, 4), null));
        Assert.Equal("liên tục 2019-2021", ActivityFormat.Dates(null, null, "liên tục 2019-2021"));
    }

    sealed class CultureScope : IDisposable
    {
        readonly System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = culture;
    }
}
