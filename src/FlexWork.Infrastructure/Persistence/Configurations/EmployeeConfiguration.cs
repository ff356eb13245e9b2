using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Organization;
using FlexWork.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.HasAlternateKey(e => new { e.AgencyId, e.Id });
        builder.Property(e => e.Nip).HasMaxLength(18).IsFixedLength();
        builder.Property(e => e.FullName).HasMaxLength(200);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.Domicile).HasMaxLength(500);
        builder.Ignore(e => e.DomicileArea);
        builder.Property(e => e.DisciplinaryReference).HasMaxLength(200);
        builder.Property(e => e.EligibilityOverrideReason).HasMaxLength(500);
        builder.Property(e => e.TimeZoneId).HasMaxLength(40);
        builder.Property(e => e.Version).IsRowVersion();

        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.UnitId }).HasPrincipalKey(u => new { u.AgencyId, u.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.PositionId }).HasPrincipalKey(p => new { p.AgencyId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.SupervisorId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<Employee>(e => e.UserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(e => new { e.AgencyId, e.Nip }).IsUnique();
        builder.HasIndex(e => new { e.AgencyId, e.Email }).IsUnique();
        // Two indexes without agency_id, on purpose: an account (installation-wide) is one person's,
        // and a calendar app fetches a feed by its secret alone, before anyone's agency is known.
        builder.HasIndex(e => e.UserId).IsUnique();
        builder.Property(e => e.CalendarFeedSecretHash).HasMaxLength(64);
        builder.HasIndex(e => e.CalendarFeedSecretHash).IsUnique();
        builder.HasIndex(e => new { e.AgencyId, e.FullName, e.Id });
        builder.HasIndex(e => new { e.AgencyId, e.SupervisorId, e.FullName });
        builder.HasIndex(e => new { e.AgencyId, e.UnitId });

        // Substring search over NIP, name and e-mail: one lower-cased generated column with a
        // trigram index keeps "contains" searches fast at ministry scale.
        builder.Property<string>(EmployeeDirectory.SearchTextProperty)
            .HasComputedColumnSql("lower(nip || ' ' || full_name || ' ' || email)", stored: true);
        builder.HasIndex(EmployeeDirectory.SearchTextProperty)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");
    }
}
