using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Sources;

// A published text the record rests on: a news article, a set of minutes. What is not known (an
// article with no date or outlet) stays empty and the article is cited by its title.
public class Source
{
    public int Id { get; set; }
    // The demo's name for it ("000"), so the loader finds it again; never shown.
    public string? Key { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public string? Author { get; set; }
    // As the article prints it, in its own local time: a day, and the time where it gives one.
    public DateOnly? PublishedOn { get; set; }
    public TimeOnly? PublishedAt { get; set; }
    public string? Url { get; set; }
}

// One record resting on one source: the passage quoted word for word, and a note saying what the
// record takes from it (or what it infers, and how).
public class Citation
{
    public int Id { get; set; }
    public required string RecordType { get; set; }
    public int RecordId { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    public string? Passage { get; set; }
    public LocalizedText Note { get; set; } = new();
    public int Sequence { get; set; }
}

// The record types a citation may point at; the same words as the API's paths.
public static class CitedRecord
{
    public const string Organisation = "organisation";
    public const string Person = "person";
    public const string Meeting = "meeting";
    public const string Instrument = "instrument";
    public const string Commitment = "commitment";
    public const string Report = "report";
    public const string Activity = "activity";
    public const string CooperationYear = "cooperation-year";
}

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> e)
    {
        e.Property(x => x.Key).HasMaxLength(40);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Outlet).HasMaxLength(200);
        e.Property(x => x.Author).HasMaxLength(200);
        e.Property(x => x.Url).HasMaxLength(2000);
    }
}

public sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> e)
    {
        e.Property(x => x.RecordType).HasMaxLength(20);
        e.Property(x => x.Passage).HasMaxLength(4000);
        e.ComplexProperty(x => x.Note);
        e.HasIndex(x => new { x.RecordType, x.RecordId });
        e.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
