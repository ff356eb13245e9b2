using FlexWork.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

internal static class EvidenceColumns
{
    /// <summary>The stored file's columns, the same for every kind of evidence.</summary>
    public static EntityTypeBuilder<T> HasEvidenceColumns<T>(this EntityTypeBuilder<T> builder)
        where T : StoredEvidence
    {
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.UploadedByUserId).HasMaxLength(450);
        return builder;
    }
}
