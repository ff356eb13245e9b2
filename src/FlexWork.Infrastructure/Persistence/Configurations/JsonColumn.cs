using System.Text.Json;
using FlexWork.Application.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexWork.Infrastructure.Persistence.Configurations;

internal static class JsonColumn
{
    /// <summary>A value object (or a list of them) stored whole as jsonb and compared by content: read and written with its aggregate, never queried into.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasColumnType("jsonb")
            .HasConversion(v => JsonSerializer.Serialize(v, PolicyJson.Options), json => JsonSerializer.Deserialize<T>(json, PolicyJson.Options)!)
            .Metadata.SetValueComparer(new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, PolicyJson.Options) == JsonSerializer.Serialize(b, PolicyJson.Options),
                v => JsonSerializer.Serialize(v, PolicyJson.Options).GetHashCode(StringComparison.Ordinal),
                v => v));
        return property;
    }
}
