using Concord.Shared;

namespace Concord.Features.Search;

// What the reader typed, folded the way records' SearchText is folded ("Hợp TÁC" -> "hop tac") and split
// into words that must all occur. Words of one letter are dropped when longer ones exist: they match
// nearly everything and no trigram index can help them.
public sealed record SearchTerms(string Query, IReadOnlyList<string> Words)
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 8;
    const string Trimmed = "\"'“”‘’`,.;:!?()[]{}«»<>";

    public bool IsTooShort => Words.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length > MaxQueryLength) q = q[..MaxQueryLength];
        var words = TextFolding.Fold(q)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Trimmed.ToCharArray()))
            .Where(w => w.Length >= 2)
            .Distinct()
            .Take(MaxWords)
            .ToList();
        return new SearchTerms(q, words);
    }

    // LIKE patterns with the wildcards escaped, so "50%" means the characters 5, 0 and %.
    public IEnumerable<string> Patterns => Words.Select(w => "%" + LikePattern.Escape(w) + "%");
}
