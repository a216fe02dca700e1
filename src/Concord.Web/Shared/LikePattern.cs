namespace Concord.Shared;

// A typed "50%" or "a_b" is looked for as written, not as a LIKE wildcard.
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
