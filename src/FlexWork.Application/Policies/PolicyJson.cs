using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FlexWork.Domain.Policies;

namespace FlexWork.Application.Policies;

/// <summary>
/// The one JSON shape of policy settings: how versions are stored (jsonb), shown in the API and
/// compared in a diff. camelCase, enums as their names.
/// </summary>
public static class PolicyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new HourMinuteConverter() },
    };

    public static string Serialize(PolicySettings settings) => JsonSerializer.Serialize(settings, Options);

    public static PolicySettings Deserialize(string json) =>
        JsonSerializer.Deserialize<PolicySettings>(json, Options) ?? throw new JsonException("Empty policy settings.");
}

/// <summary>Times of day as people write them: "07:30" (seconds, when sent, are accepted and dropped).</summary>
public sealed class HourMinuteConverter : JsonConverter<TimeOnly>
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "HH:mm:ss"];

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOnly.TryParseExact(reader.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new TimeOnly(time.Hour, time.Minute)
            : throw new JsonException("A time of day is written HH:mm, e.g. 07:30.");

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
}
