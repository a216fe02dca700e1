using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// One option of a select or a filter: a record or a term by id, its name in three languages. Retired: a term
// withdrawn from its vocabulary that the record being edited still holds, offered so the record can be saved
// unchanged, and marked so nobody picks it for something new.
public sealed record Choice(int Id, LocalizedText Name, bool Retired = false)
{
    public string Label(IStringLocalizer t) => Choices.Label(Name, Retired, t);
}

// A term chosen by its code (a currency: VND, LAK, USD).
public sealed record CodeChoice(string Code, LocalizedText Name, bool Retired = false)
{
    public string Label(IStringLocalizer t) => Choices.Label(Name, Retired, t);
}

public static class Choices
{
    public static string Label(LocalizedText name, bool retired, IStringLocalizer t) =>
        retired ? t["Choice.Retired", Display.Plain(name)].Value : Display.Plain(name);
}
