namespace Concord.Shared;

// The programme has two sides. A lead, a report and the list's side filter are always one of them,
// by ISO 3166 code, the same code Organisation.Country holds.
public static class Sides
{
    public const string Vietnam = "VN";
    public const string Laos = "LA";
    public static readonly string[] All = [Vietnam, Laos];

    public static bool IsKnown(string? code) => code is Vietnam or Laos;
}

public static class ProgrammeCalendar
{
    // Both sides keep Indochina Time (UTC+7, no daylight saving). "Today" for a deadline or a report
    // date is the date in Hanoi and Vientiane, not the server's: at 06:00 there it is still yesterday in UTC.
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
