using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FlexWork.Web.Api;

/// <summary>
/// How the API reads JSON: a non-nullable reference member must be present and not null
/// (nullable ones may be left out). A body that breaks this is the caller's mistake, a 400,
/// never a null that breaks a handler later. What the values themselves may hold is
/// <see cref="InputScreen"/>'s part.
/// </summary>
internal static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.NumberHandling = JsonNumberHandling.Strict; // a number is a number: "5" is refused, and the document says integer, not integer-or-string
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireNonNullableMembers);
    }

    /// <summary>The JSON path of the member a read failed on: <c>$.settings</c> for a missing settings object.</summary>
    public static string MemberPath(JsonException exception) =>
        exception is MissingMemberException missing ? $"{exception.Path ?? "$"}.{missing.Member}" : exception.Path ?? "$";

    private static void RequireNonNullableMembers(JsonTypeInfo type)
    {
        var required = type.Kind == JsonTypeInfoKind.Object
            ? type.Properties.Where(p => p.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && !p.PropertyType.IsValueType && p.Get is not null).ToArray()
            : [];
        if (required.Length == 0)
        {
            return;
        }

        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            if (required.FirstOrDefault(p => p.Get!(value) is null) is { } missing)
            {
                throw new MissingMemberException(missing.Name);
            }
        };
    }

    private sealed class MissingMemberException(string member) : JsonException($"'{member}' is required.")
    {
        public string Member => member;
    }
}
