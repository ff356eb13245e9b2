using FlexWork.Domain.Agencies;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class OrganizationUnitConfiguration : IEntityTypeConfiguration<OrganizationUnit>
{
    public void Configure(EntityTypeBuilder<OrganizationUnit> builder)
    {
        // Composite alternate key so that references from other tables carry the agency too:
        // a row can never point at another agency's unit.
        builder.HasAlternateKey(u => new { u.AgencyId, u.Id });
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.TimeZoneId).HasMaxLength(40);
        builder.Property(u => u.Version).IsRowVersion();
        builder.Ignore(u => u.Office);

        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany()
            .HasForeignKey(u => new { u.AgencyId, u.ParentId }).HasPrincipalKey(u => new { u.AgencyId, u.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(u => new { u.AgencyId, u.HeadEmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(u => new { u.AgencyId, u.Name });
    }
}
