using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Activities;

sealed class ActivityMapping : IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<ActivityOrganisation>, IEntityTypeConfiguration<ActivityCommitment>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.ComplexProperty(x => x.DateInference);
        e.MapRecord();
        e.ComplexProperty(x => x.Title);
        e.ComplexProperty(x => x.Description);
        e.Property(x => x.ValueCurrency).HasMaxLength(3);
        e.Property(x => x.ValueAmount).HasPrecision(20, 2);
        e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Meeting).WithMany().OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.StartsOn, x.Id });
        e.HasIndex(x => new { x.KindId, x.StartsOn, x.Id });
        e.HasIndex(x => x.MeetingId);
        e.MapSearchable();
    }

    public void Configure(EntityTypeBuilder<ActivityOrganisation> e)
    {
        e.HasKey(x => new { x.ActivityId, x.OrganisationId, x.Role });
        e.HasOne(x => x.Activity).WithMany(x => x.Organisations).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.ActivityId });
    }

    public void Configure(EntityTypeBuilder<ActivityCommitment> e)
    {
        e.HasKey(x => new { x.ActivityId, x.CommitmentId });
        e.HasOne(x => x.Activity).WithMany(x => x.Commitments).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Commitment).WithMany(x => x.Activities).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CommitmentId, x.ActivityId });
    }
}
