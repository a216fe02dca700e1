namespace Concord.Shared;

// Every editable record carries the same bookkeeping: a version bumped on each save (the
// concurrency token; IsRowVersion does nothing on SQLite, so the app bumps it itself),
// timestamps, and a flag for demo records that illustrate rather than record history.
public abstract class Record
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsIllustrative { get; set; }
}

// Records found by the search page keep a folded copy of their text (see TextFolding),
// rebuilt on every save, so one LIKE on one column works the same on SQLite and PostgreSQL.
public interface ISearchable
{
    string SearchText { get; set; }
    IEnumerable<string?> SearchableTexts();
}
