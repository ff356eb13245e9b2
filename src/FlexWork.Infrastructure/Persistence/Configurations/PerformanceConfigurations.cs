using FlexWork.Domain.Agencies;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class PerformancePeriodConfiguration : IEntityTypeConfiguration<PerformancePeriod>
{
    public void Configure(EntityTypeBuilder<PerformancePeriod> builder)
    {
        builder.HasKey(p => new { p.AgencyId, p.Id });
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.Code);
        builder.Ignore(p => p.Range);
        builder.Ignore(p => p.AcceptsTargets);
        builder.Ignore(p => p.AcceptsReports);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgencyId, p.From }).IsUnique();
    }
}

public sealed class PerformanceTargetConfiguration : IEntityTypeConfiguration<PerformanceTarget>
{
    public void Configure(EntityTypeBuilder<PerformanceTarget> builder)
    {
        builder.HasKey(t => new { t.AgencyId, t.Id });
        builder.Property(t => t.Version).IsRowVersion();
        builder.Property(t => t.Content).AsJson();
        builder.Property(t => t.PendingChange).AsJson();
        builder.Property(t => t.History).AsJson();
        builder.Ignore(t => t.AwaitsSupervisor);
        builder.HasOne<PerformancePeriod>().WithMany().HasForeignKey(t => new { t.AgencyId, t.PeriodId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(t => new { t.AgencyId, t.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.AgencyId, t.EmployeeId, t.PeriodId });
        builder.HasIndex(t => new { t.AgencyId, t.PeriodId, t.State });
    }
}

public sealed class WorkReportConfiguration : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> builder)
    {
        builder.HasKey(r => new { r.AgencyId, r.Id }).HasName("pk_work_reports"); // named: the evidence's foreign key, configured first, would name it as an alternate key
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Items).AsJson();
        builder.Property(r => r.ReadByUserId).HasMaxLength(450);
        builder.Ignore(r => r.IsLate);
        builder.Ignore(r => r.Status);
        builder.Ignore(r => r.HasEvidence);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(r => new { r.AgencyId, r.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.EmployeeId, r.Date }).IsUnique(); // one report per person and day
        builder.HasIndex(r => new { r.AgencyId, r.Date }).IncludeProperties(r => new { r.EmployeeId, r.Mode }); // the monitoring's months, counted from the index alone
    }
}

public sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> builder)
    {
        builder.ToTable("report_evidence");
        builder.HasKey(e => new { e.AgencyId, e.Id });
        builder.HasEvidenceColumns();
        builder.HasOne<WorkReport>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.ReportId }).HasPrincipalKey(r => new { r.AgencyId, r.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.EmployeeId }).HasPrincipalKey(x => new { x.AgencyId, x.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AgencyId, e.EmployeeId }); // the employee's storage, summed on every upload
    }
}

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("performance_feedback");
        builder.HasKey(f => new { f.AgencyId, f.Id });
        builder.Property(f => f.Text).HasMaxLength(Feedback.MaxTextLength);
        builder.Property(f => f.AgreedActions).HasMaxLength(Feedback.MaxTextLength);
        builder.Property(f => f.AuthorUserId).HasMaxLength(450);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(f => new { f.AgencyId, f.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(f => new { f.AgencyId, f.AuthorEmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.AgencyId, f.EmployeeId, f.CreatedAt });
        builder.HasIndex(f => new { f.AgencyId, f.SubjectId });
    }
}

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.HasKey(e => new { e.AgencyId, e.Id });
        builder.Property(e => e.Version).IsRowVersion();
        builder.Property(e => e.SelfAssessment).HasMaxLength(Evaluation.MaxTextLength);
        builder.Property(e => e.FeedbackText).HasMaxLength(Evaluation.MaxTextLength);
        builder.Property(e => e.ObjectionReason).HasMaxLength(Evaluation.MaxTextLength);
        builder.Property(e => e.ObjectionDecision).HasMaxLength(Evaluation.MaxTextLength);
        builder.Property(e => e.Values).AsJson();
        builder.Property(e => e.Realisations).AsJson();
        builder.Property(e => e.History).AsJson();
        builder.HasOne<PerformancePeriod>().WithMany().HasForeignKey(e => new { e.AgencyId, e.PeriodId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AgencyId, e.PeriodId, e.EmployeeId }).IsUnique(); // one evaluation per person and period
        builder.HasIndex(e => new { e.AgencyId, e.EmployeeId, e.FinalAt });
        builder.HasIndex(e => new { e.AgencyId, e.ObjectionDeciderEmployeeId }).HasFilter("state = 'Objected'");
    }
}
