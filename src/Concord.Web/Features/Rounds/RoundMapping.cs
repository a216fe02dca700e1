using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Rounds;

sealed class RoundMapping : IEntityTypeConfiguration<Round>, IEntityTypeConfiguration<RoundSubmission>,
    IEntityTypeConfiguration<Reminder>, IEntityTypeConfiguration<ReminderRound>, IEntityTypeConfiguration<ReminderRequest>
{
    public void Configure(EntityTypeBuilder<Round> e)
    {
        e.MapRecord();
        e.ComplexProperty(x => x.Name);
        e.Ignore(x => x.Period);
        e.Ignore(x => x.Sides);
        e.Property(x => x.Key).HasMaxLength(60);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Side).HasMaxLength(2);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Term>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Open rounds by due date: "my work", the reminders, the list.
        e.HasIndex(x => new { x.State, x.DueOn, x.Id });
    }

    public void Configure(EntityTypeBuilder<RoundSubmission> e)
    {
        e.HasKey(x => new { x.RoundId, x.ProgressReportId });
        e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.ProgressReport).WithMany().HasForeignKey(x => x.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ProgressReportId);
    }

    public void Configure(EntityTypeBuilder<Reminder> e)
    {
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Language).HasMaxLength(2);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.SetNull);
        // One digest per person per day, whichever instance writes it. A reminder sent now is not the day's
        // digest: it neither takes its place nor is refused by it (a partial index, the same SQL on both databases).
        e.HasIndex(x => new { x.AccountId, x.Day }).IsUnique().HasFilter("\"Kind\" = 'Daily'");
        e.HasIndex(x => x.RequestedById);
        e.HasIndex(x => new { x.State, x.Id });
        e.HasIndex(x => new { x.CreatedAt, x.Id });
    }

    public void Configure(EntityTypeBuilder<ReminderRound> e)
    {
        e.HasKey(x => new { x.ReminderId, x.RoundId });
        e.HasOne<Reminder>().WithMany(r => r.Rounds).HasForeignKey(x => x.ReminderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoundId, x.ReminderId });
    }

    public void Configure(EntityTypeBuilder<ReminderRequest> e)
    {
        e.HasKey(x => new { x.RoundId, x.OrganisationId });
        e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => x.RequestedById);
    }
}
