using FlexWork.Domain.Agencies;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class WorkRequestConfiguration : IEntityTypeConfiguration<WorkRequest>
{
    public void Configure(EntityTypeBuilder<WorkRequest> builder)
    {
        builder.ToTable("work_requests");
        builder.HasAlternateKey(r => new { r.AgencyId, r.Id });
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.WorkPlan).AsJson();
        builder.Property(r => r.Findings).AsJson();
        builder.Ignore(r => r.FirstDay);
        builder.Ignore(r => r.LastDay);
        builder.Ignore(r => r.IsEditable);

        builder.OwnsMany(r => r.Days, day =>
        {
            day.ToTable("request_days");
            day.WithOwner().HasForeignKey("RequestId");
            day.Property<int>("Id");
            day.HasKey("RequestId", "Id");
            day.Property(d => d.Address).HasMaxLength(500);
            day.HasIndex(d => d.Date); // schedules and unit counts read days by date
        });
        builder.Navigation(r => r.Days).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_days");

        builder.OwnsMany(r => r.History, step =>
        {
            step.ToTable("request_transitions");
            step.WithOwner().HasForeignKey("RequestId");
            step.Property<int>("Id");
            step.HasKey("RequestId", "Id");
            step.Property(t => t.ActorUserId).HasMaxLength(450);
            step.Property(t => t.OnBehalfOfUserId).HasMaxLength(450);
            step.Property(t => t.Comment).HasMaxLength(WorkRequest.MaxCommentLength);
        });
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");

        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(r => new { r.AgencyId, r.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.EmployeeId, r.Status });
        builder.HasIndex(r => new { r.AgencyId, r.Status, r.Level });
        // A submit retried with the same client submission id finds the request it made.
        builder.HasIndex(r => new { r.AgencyId, r.EmployeeId, r.ClientSubmissionId }).IsUnique().HasFilter("client_submission_id IS NOT NULL");
    }
}

public sealed class RequestEvidenceConfiguration : IEntityTypeConfiguration<RequestEvidence>
{
    public void Configure(EntityTypeBuilder<RequestEvidence> builder)
    {
        builder.ToTable("request_evidence");
        builder.HasEvidenceColumns();
        builder.HasOne<WorkRequest>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.RequestId }).HasPrincipalKey(r => new { r.AgencyId, r.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.DecreeReference).HasMaxLength(Delegation.MaxReferenceLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(d => new { d.AgencyId, d.PrincipalEmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(d => new { d.AgencyId, d.DelegateEmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.AgencyId, d.DelegateEmployeeId, d.Until });
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<FlexWork.Domain.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<FlexWork.Domain.Notifications.Notification> builder)
    {
        builder.Property(n => n.SubjectName).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(n => new { n.AgencyId, n.RecipientEmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.AgencyId, n.RecipientEmployeeId, n.ReadAt, n.CreatedAt });
        // The mail outbox job reads across agencies, by due time, only what is still to send: the
        // partial index holds just the pending rows, so it serves that read whatever leads it.
        builder.Property(n => n.Mail).HasMaxLength(16);
        builder.HasIndex(n => new { n.AgencyId, n.MailDueAt }).HasFilter("mail = 'Pending'");
    }
}

public sealed class RefusedSubmissionConfiguration : IEntityTypeConfiguration<RefusedSubmission>
{
    public void Configure(EntityTypeBuilder<RefusedSubmission> builder)
    {
        builder.HasKey(r => new { r.AgencyId, r.Id });
        builder.HasOne<Employee>().WithMany()
            .HasForeignKey(r => new { r.AgencyId, r.EmployeeId }).HasPrincipalKey(e => new { e.AgencyId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.AttemptedAt }); // the exceptions report reads a range of months
    }
}
