using FlexWork.Domain.Agencies;
using FlexWork.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

public sealed class IntegrationClientConfiguration : IEntityTypeConfiguration<IntegrationClient>
{
    public void Configure(EntityTypeBuilder<IntegrationClient> builder)
    {
        builder.HasKey(c => new { c.AgencyId, c.Id }).HasName("pk_integration_clients"); // named: the events' foreign key, configured first, would name it as an alternate key
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Name).HasMaxLength(IntegrationClient.MaxNameLength);
        builder.Property(c => c.SecretHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450);
        builder.Property(c => c.RevokedByUserId).HasMaxLength(450);
        builder.Ignore(c => c.IsActive);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PresenceEventConfiguration : IEntityTypeConfiguration<PresenceEvent>
{
    public void Configure(EntityTypeBuilder<PresenceEvent> builder)
    {
        builder.HasKey(e => new { e.AgencyId, e.Id });
        builder.Property(e => e.EventId).HasMaxLength(PresenceEvent.MaxEventIdLength);
        builder.Property(e => e.Nip).HasMaxLength(18);
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.HasOne<IntegrationClient>().WithMany()
            .HasForeignKey(e => new { e.AgencyId, e.ClientId }).HasPrincipalKey(c => new { c.AgencyId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AgencyId, e.EventId }).IsUnique(); // idempotency: one answer per event id
        builder.HasIndex(e => new { e.AgencyId, e.ClientId, e.ReceivedAt }); // a client's last tap, for the admin
    }
}
