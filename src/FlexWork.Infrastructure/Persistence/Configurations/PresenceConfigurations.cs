using FlexWork.Domain.Employees;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class PresenceDayConfiguration : IEntityTypeConfiguration<PresenceDay>
{
    public void Configure(EntityTypeBuilder<PresenceDay> builder)
    {
        builder.HasKey(d => new { d.AgencyId, d.Id });
        builder.Property(d => d.Version).IsRowVersion();
        builder.ComplexProperty(d => d.CheckInCheck);
        builder.ComplexProperty(d => d.CheckOutCheck);
        builder.ComplexProperty(d => d.CheckInPosition);
        builder.ComplexProperty(d => d.CheckOutPosition);
        builder.Ignore(d => d.Worked);
        builder.Ignore(d => d.IsFlagged);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(d => new { d.AgencyId, d.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PresenceCorrection>().WithMany()
            .HasForeignKey(d => new { d.AgencyId, d.CorrectionId }).HasPrincipalKey(c => new { c.AgencyId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.AgencyId, d.EmployeeId, d.Date }).IsUnique(); // one record per person and day
        // A team's or a unit's day, the month of the dashboard. Migration PresenceMonthFromIndex adds
        // INCLUDE (employee_id, on_non_working_day, check_in_check_outcome, check_out_check_outcome) in
        // SQL, which EF cannot say of complex properties: the monitoring counts a month from the index alone.
        builder.HasIndex(d => new { d.AgencyId, d.Date });

        // What the purge still has to do: only days whose positions are kept.
        builder.HasIndex(d => new { d.AgencyId, d.CheckedInAt }, "ix_presence_days_positions_kept")
            .HasFilter("check_in_position_latitude IS NOT NULL OR check_out_position_latitude IS NOT NULL");
    }
}

public sealed class PresenceCorrectionConfiguration : IEntityTypeConfiguration<PresenceCorrection>
{
    public void Configure(EntityTypeBuilder<PresenceCorrection> builder)
    {
        builder.HasKey(c => new { c.AgencyId, c.Id }).HasName("pk_presence_corrections"); // named: the presence day's foreign key, configured first, would name it as an alternate key
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Reason).HasMaxLength(PresenceCorrection.MaxTextLength);
        builder.Property(c => c.DecisionComment).HasMaxLength(PresenceCorrection.MaxTextLength);
        builder.Property(c => c.DeciderUserId).HasMaxLength(450);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(c => new { c.AgencyId, c.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);

        // One open request per person and day (a second would only race the first); also the supervisor's queue.
        builder.HasIndex(c => new { c.AgencyId, c.EmployeeId, c.Date }, "ix_presence_corrections_one_pending").IsUnique().HasFilter("status = 'Pending'");
    }
}
