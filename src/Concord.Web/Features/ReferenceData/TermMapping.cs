using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.ReferenceData;

sealed class TermMapping : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> e)
    {
        e.ComplexProperty(x => x.Name);
        e.Property(x => x.Vocabulary).HasMaxLength(40);
        e.Property(x => x.Code).HasMaxLength(80);
        e.HasIndex(x => new { x.Vocabulary, x.Code }).IsUnique();
    }
}
