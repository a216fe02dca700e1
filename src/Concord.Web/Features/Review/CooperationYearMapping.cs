using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Review;

sealed class CooperationYearMapping : IEntityTypeConfiguration<CooperationYear>, IEntityTypeConfiguration<CooperationYearPartner>,
    IEntityTypeConfiguration<CooperationYearRate>
{
    public void Configure(EntityTypeBuilder<CooperationYear> e)
    {
        e.MapRecord();
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.ComplexProperty(x => x.PartnersNote);
        e.HasIndex(x => new { x.Year, x.Country }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CooperationYearPartner> e)
    {
        e.HasKey(x => new { x.CooperationYearId, x.OrganisationId });
        e.HasOne(x => x.CooperationYear).WithMany(x => x.Partners).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CooperationYearRate> e)
    {
        e.HasKey(x => new { x.CooperationYearId, x.Currency });
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Rate).HasPrecision(20, 6);
        e.Property(x => x.Source).HasMaxLength(500);
        e.HasOne(x => x.CooperationYear).WithMany(x => x.Rates).OnDelete(DeleteBehavior.Cascade);
    }
}
