using FlexWork.Domain.Agencies;
using FlexWork.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.HasAlternateKey(p => new { p.AgencyId, p.Id });
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Version).IsRowVersion();
        builder.ComplexProperty(p => p.Criteria);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgencyId, p.Name });
    }
}
