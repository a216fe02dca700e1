using Concord.Shared;

namespace Concord.Features.Bilingual;

// How a text reads in its cell: as a run of words (a title), as paragraphs (a summary, a clause), or as
// a numbered list, one item a line (an agenda).
public enum TextShape { Inline, Paragraphs, Items }

// One language of one text, for _Text.cshtml.
public sealed record TextCell(LocalizedText? Text, Column Column, TextShape Shape = TextShape.Paragraphs);

// The clauses of one instrument and the two columns, for _Clauses.cshtml.
public sealed record ClauseRows(IReadOnlyList<BilingualDocument.Clause> Clauses, IReadOnlyList<Column> Columns);
