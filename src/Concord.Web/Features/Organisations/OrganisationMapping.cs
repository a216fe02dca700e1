using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Organisations;

sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ComplexProperty(x => x.SucceededOnInference);
        e.MapRecord();
        e.ComplexProperty(x => x.Name);
        e.Property(x => x.Key).HasMaxLength(80);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Abbreviation).HasMaxLength(40);
        e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Successor).WithMany(x => x.Predecessors).HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Country, x.Id });
        e.MapSearchable();
    }

    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.MapRecord();
        e.ComplexProperty(x => x.Position);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.MapSearchable();
    }
}
