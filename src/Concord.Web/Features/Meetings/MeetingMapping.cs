using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Meetings;

sealed class MeetingMapping : IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingChair>, IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ComplexProperty(x => x.DateInference);
        e.MapRecord();
        e.ComplexProperty(x => x.Title);
        e.ComplexProperty(x => x.Agenda);
        e.ComplexProperty(x => x.Summary);
        e.Property(x => x.Key).HasMaxLength(80);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Place).HasMaxLength(200);
        e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Prepares).WithMany(x => x.PreparedBy).HasForeignKey(x => x.PreparesId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.StartsOn, x.Id });
        e.HasIndex(x => new { x.KindId, x.StartsOn, x.Id });
        e.MapSearchable();
    }

    public void Configure(EntityTypeBuilder<MeetingChair> e)
    {
        e.HasKey(x => new { x.MeetingId, x.PersonId });
        e.HasOne(x => x.Meeting).WithMany(x => x.Chairs).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MeetingParticipant> e)
    {
        e.HasKey(x => new { x.MeetingId, x.OrganisationId });
        e.HasOne(x => x.Meeting).WithMany(x => x.Participants).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.MeetingId });
    }
}
