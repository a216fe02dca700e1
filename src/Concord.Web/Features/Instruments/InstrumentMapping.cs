using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Instruments;

sealed class InstrumentMapping : IEntityTypeConfiguration<Instrument>, IEntityTypeConfiguration<InstrumentParty>,
    IEntityTypeConfiguration<InstrumentSignatory>, IEntityTypeConfiguration<InstrumentLink>
{
    public void Configure(EntityTypeBuilder<Instrument> e)
    {
        e.ComplexProperty(x => x.DateInference);
        e.MapRecord();
        e.ComplexProperty(x => x.Title);
        e.ComplexProperty(x => x.Summary);
        e.Property(x => x.Key).HasMaxLength(80);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Meeting).WithMany(x => x.Instruments).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SignedOn, x.Id });
        e.HasIndex(x => new { x.KindId, x.SignedOn, x.Id });
        e.HasIndex(x => new { x.Status, x.SignedOn, x.Id });
        e.MapSearchable();
    }

    public void Configure(EntityTypeBuilder<InstrumentParty> e)
    {
        e.HasKey(x => new { x.InstrumentId, x.OrganisationId });
        e.HasOne(x => x.Instrument).WithMany(x => x.Parties).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.InstrumentId });
    }

    public void Configure(EntityTypeBuilder<InstrumentSignatory> e)
    {
        e.HasKey(x => new { x.InstrumentId, x.PersonId });
        e.HasOne(x => x.Instrument).WithMany(x => x.Signatories).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InstrumentLink> e)
    {
        e.HasOne(x => x.From).WithMany(x => x.LinksFrom).HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.To).WithMany(x => x.LinksTo).HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.FromId, x.ToId, x.Kind }).IsUnique();
        e.HasIndex(x => x.ToId);
    }
}
