using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Commitments;

sealed class CommitmentMapping : IEntityTypeConfiguration<Commitment>, IEntityTypeConfiguration<CommitmentLead>, IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<Commitment> e)
    {
        e.MapRecord();
        e.ComplexProperty(x => x.Text);
        e.Ignore(x => x.Period);
        e.Property(x => x.Number).HasMaxLength(20);
        e.HasOne(x => x.Instrument).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Area).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.CarriedOverFrom).WithMany(x => x.CarriedOverInto).HasForeignKey(x => x.CarriedOverFromId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.InstrumentId, x.Sequence, x.Id });
        e.HasIndex(x => new { x.AreaId, x.PeriodStart, x.Id });
        e.HasIndex(x => new { x.Status, x.PeriodStart, x.Id });
        e.HasIndex(x => new { x.PeriodStart, x.Id });
        e.HasIndex(x => new { x.DueOn, x.Id });
        e.HasIndex(x => new { x.UpdatedAt, x.Id });
        e.HasIndex(x => x.CarriedOverFromId);
        // The list's filters by status and area with its sorts by due date and by last change (the API's
        // "status + area by due date" among them): each an index range read in order, not a sort of every match.
        // The sort by period orders by COALESCE(PeriodStart, 0); its expression indexes are in the SpeedIndexes migration.
        e.HasIndex(x => new { x.Status, x.DueOn, x.Id });
        e.HasIndex(x => new { x.AreaId, x.DueOn, x.Id });
        e.HasIndex(x => new { x.AreaId, x.Status, x.DueOn, x.Id });
        e.HasIndex(x => new { x.Status, x.UpdatedAt, x.Id });
        e.HasIndex(x => new { x.AreaId, x.UpdatedAt, x.Id });
        e.MapSearchable();
    }

    public void Configure(EntityTypeBuilder<CommitmentLead> e)
    {
        e.HasKey(x => new { x.CommitmentId, x.OrganisationId });
        e.Property(x => x.Country).HasMaxLength(2);
        e.HasOne(x => x.Commitment).WithMany(x => x.Leads).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.CommitmentId });
        e.HasIndex(x => new { x.Country, x.CommitmentId });
    }

    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.MapRecord();
        e.ComplexProperty(x => x.Narrative);
        e.Ignore(x => x.Period);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.ValueCurrency).HasMaxLength(3);
        e.Property(x => x.ValueAmount).HasPrecision(20, 2);
        e.HasOne(x => x.Commitment).WithMany(x => x.Reports).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommitmentId, x.PeriodStart, x.ReportedOn });
        e.HasIndex(x => new { x.ReportedOn, x.Id });
        // Each side's latest report of a page of commitments (CommitmentList): one short index range per commitment.
        e.HasIndex(x => new { x.CommitmentId, x.Country, x.ReportedOn });
        e.MapSearchable();
    }
}
