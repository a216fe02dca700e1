using Concord.Shared;
using System.Globalization;
using Concord.Features.Commitments;

namespace Concord.Features.Documents;

// The national heading each side's official documents stand under. These are the states' names as they
// must be written, in their own language whatever the reader's: they are never translated, so they are
// not interface strings.
public static class OfficialHeading
{
    public const string VietnamTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string VietnamMotto = "Độc lập - Tự do - Hạnh phúc";
    public const string LaoTitle = "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ";
    public const string LaoMotto = "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ";

    // The language a side's heading, issuing body and date line are written in.
    public static string LanguageOf(string side) => side == Sides.Laos ? "lo" : "vi";

    // "Hà Nội, ngày 05 tháng 02 năm 2026" (Decree 30/2020: a day below 10 and the months 1 and 2 take a
    // leading zero); "ນະຄອນຫຼວງວຽງຈັນ, ວັນທີ 5 ກຸມພາ 2026".
    public static string PlaceAndDate(string side, DateOnly date)
    {
        if (side == Sides.Laos)
        {
            var lao = CultureInfo.GetCultureInfo("lo");
            return $"ນະຄອນຫຼວງວຽງຈັນ, ວັນທີ {date.Day} {lao.DateTimeFormat.GetMonthName(date.Month)} {date.Year}";
        }
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"Hà Nội, ngày {date.Day:00} tháng {month} năm {date.Year}";
    }

    // The number is left blank for the registry to give ("Số:    /BC-HTQT").
    public static string NumberLine(string side, string? unit) => side == Sides.Laos
        ? $"ເລກທີ ........../{unit ?? "ກຮສ"}"
        : $"Số:        /BC-{unit ?? "HTQT"}";
}
