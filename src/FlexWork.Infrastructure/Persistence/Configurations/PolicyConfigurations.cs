using FlexWork.Application.Policies;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.LegalReference).HasMaxLength(PolicyVersion.MaxLegalReferenceLength);
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450);

        // The settings are one immutable value: stored whole as jsonb, compared by content.
        builder.Property(p => p.Settings)
            .HasColumnType("jsonb")
            .HasConversion(s => PolicyJson.Serialize(s), json => PolicyJson.Deserialize(json))
            .Metadata.SetValueComparer(new ValueComparer<PolicySettings>(
                (a, b) => PolicyJson.Serialize(a!) == PolicyJson.Serialize(b!),
                s => PolicyJson.Serialize(s).GetHashCode(StringComparison.Ordinal),
                s => s));

        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgencyId, p.Number }).IsUnique().HasFilter("status = 'Published'");
        builder.HasIndex(p => p.AgencyId).IsUnique().HasFilter("status = 'Draft'"); // one draft per agency
    }
}

public sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CalendarEntry.MaxNameLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany()
            .HasForeignKey(c => new { c.AgencyId, c.UnitId }).HasPrincipalKey(u => new { u.AgencyId, u.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AgencyId, c.Date });
    }
}

public sealed class RamadanPeriodConfiguration : IEntityTypeConfiguration<RamadanPeriod>
{
    public void Configure(EntityTypeBuilder<RamadanPeriod> builder)
    {
        builder.HasKey(r => new { r.AgencyId, r.Id });
        builder.Property(r => r.Name).HasMaxLength(RamadanPeriod.MaxNameLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.From }).IsUnique();
    }
}

public sealed class ApprovedLocationConfiguration : IEntityTypeConfiguration<ApprovedLocation>
{
    public void Configure(EntityTypeBuilder<ApprovedLocation> builder)
    {
        builder.HasAlternateKey(l => new { l.AgencyId, l.Id });
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Address).HasMaxLength(ApprovedLocation.MaxAddressLength);
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.AgencyId, l.Name });
    }
}
