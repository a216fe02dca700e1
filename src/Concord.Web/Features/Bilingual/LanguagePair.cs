using Concord.Shared;

namespace Concord.Features.Bilingual;

// The two languages of a bilingual view, left and right. By default the reader's own language is on the
// left and the other delegation's on the right: a Vietnamese reader gets vi|lo, a Lao reader lo|vi. An
// English reader (an observer, a donor, an interpreter) gets en|vi: Vietnamese is the language most of
// the record is first written in, so it is the text an English reader most often needs beside their own.
// ?left= and ?right= choose any two of Concord's languages. A language Concord does not have is ignored;
// the same language on both sides keeps the left and gives the right its partner, since a view of one
// language twice is never what was meant.
public readonly record struct LanguagePair(string Left, string Right)
{
    public static string PartnerOf(string language) => language == "vi" ? "lo" : "vi";

    public static LanguagePair For(string reader, string? left, string? right)
    {
        var own = Known(reader) ?? Cultures.Default;
        var l = Known(left);
        var r = Known(right);
        // Only the right chosen: the reader's language beside it, unless that is the same one.
        l ??= r is null || r != own ? own : PartnerOf(r);
        if (r is null || r == l) r = PartnerOf(l);
        return new LanguagePair(l, r);
    }

    public LanguagePair Swapped => new(Right, Left);

    static string? Known(string? language) =>
        language is not null && Cultures.Supported.Contains(language) ? language : null;
}
