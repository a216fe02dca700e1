using Concord.Shared;

namespace Concord.Features.Bilingual;

// How a text reads in its cell: as a run of words (a title), as paragraphs (a summary, a clause), or as
// a numbered list, one item a line (an agenda).
public enum TextShape { Inline, Paragraphs, Items }

// One language of one text of a record, for _Text.cshtml. Translation is the record's translation state
// (its original language, and who verified each translation), when the record keeps one.
public sealed record TextCell(LocalizedText? Text, Column Column, TranslationState? Translation, TextShape Shape = TextShape.Paragraphs)
{
    // The text in the column's language; failing that, in the record's original language; failing that,
    // in the first language that has it.
    public (string Text, string Language) Shown
    {
        get
        {
            var shown = Column.Pick(Text);
            if (shown.Language == Column.Language || Translation?.Original is not { } original) return shown;
            var inOriginal = Text?.In(original);
            return string.IsNullOrWhiteSpace(inOriginal) ? shown : (inOriginal, original);
        }
    }

    // A translation into the column's language that nobody has checked against the original yet. Judged per
    // text, so a record still missing another text's translation marks the ones it has; when every text is
    // there this is the record's TranslationStatus.Unverified.
    public bool IsUnverified =>
        Translation is { } state && state.Original != Column.Language
        && !string.IsNullOrWhiteSpace(Text?.In(Column.Language))
        && state.VerificationOf(Column.Language).At is null;
}

// The clauses of one instrument and the two columns, for _Clauses.cshtml.
public sealed record ClauseRows(IReadOnlyList<BilingualDocument.Clause> Clauses, IReadOnlyList<Column> Columns);
