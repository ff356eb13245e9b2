using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlexWork.Tests.Shared;

namespace FlexWork.Web.Tests.Api;

/// <summary>
/// Walks every operation of the OpenAPI document as each role with a family of malformed
/// inputs (no body, a null body, an empty object, NUL characters, dates at both ends of the
/// calendar, the largest integers, null items in lists, wrong types, hostile files) and fails on
/// any 5xx: nothing a client can send may break the server. Path ids point at real rows of the
/// demo agency where one exists, so the input reaches the rules behind the route.
/// </summary>
public sealed class MalformedInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Nul = "\u0000";
    private static readonly string[] Roles = ["pegawai@demo.go.id", "atasan@demo.go.id", "admin@demo.go.id", "platform@flexwork.local", "admin@demo2.go.id"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_route_answers_a_5xx_to_malformed_input_from_any_role()
    {
        var factory = fixture.Factory;
        var anonymous = factory.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct))!;
        var ids = await KnownIdsAsync(factory);
        var operations = Operations(document)
            .OrderBy(o => o.Path.Contains("sign-out-everywhere", StringComparison.Ordinal)) // last: they end the role's token
            .ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the OpenAPI document");

        var failures = new List<string>();
        var statuses = new HashSet<int>();
        var sent = 0;
        foreach (var role in Roles.Prepend(null))
        {
            var client = role is null ? factory.CreateClient() : await ApiFixture.SignInAsync(factory.CreateClient(), role);
            foreach (var operation in operations)
            {
                foreach (var (variant, request) in Variants(document, operation, ids))
                {
                    using var response = await client.SendAsync(request, Ct);
                    sent++;
                    statuses.Add((int)response.StatusCode);
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync(Ct);
                        failures.Add($"{(int)response.StatusCode} {operation.Method} {request.RequestUri} [{variant}] as {role ?? "anonymous"}: {body[..Math.Min(body.Length, 300)]}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n{string.Join("\n", failures.Distinct().Take(60))}");
        // The walk reached the rules, not only the doors: some inputs passed, others were refused by them.
        Assert.Superset(new HashSet<int> { 200, 400, 401, 403, 404, 409, 422 }, statuses);
    }

    [Fact]
    public async Task A_nul_character_anywhere_is_a_clear_400_and_changes_nothing()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var before = await admin.GetStringAsync("/api/v1/admin/units", Ct);

        var body = await admin.PostAsJsonAsync("/api/v1/admin/units", new { name = $"Biro{Nul}Umum", parentId = (Guid?)null, headEmployeeId = (Guid?)null, timeZoneId = (string?)null }, Ct);
        var search = await admin.GetAsync($"/api/v1/employees?search=a{Uri.EscapeDataString(Nul)}", Ct);

        foreach (var response in new[] { body, search })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("karakter kontrol", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await admin.GetStringAsync("/api/v1/admin/units", Ct));
    }

    [Fact]
    public async Task A_missing_object_or_a_null_list_item_is_a_400_that_names_it()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var supervisor = await fixture.ClientForAsync("atasan@demo.go.id");

        var missing = await admin.PutAsJsonAsync("/api/v1/admin/policy/draft", new { version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("$.settings", out _));

        var nullItem = await supervisor.PostAsync("/api/v1/approvals/approve", new StringContent("""{"items":[null]}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nullItem.StatusCode);
        Assert.Equal("Daftar berisi butir kosong (null); hapus butir tersebut.", (await nullItem.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_by_their_size_before_they_are_read()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("bodysize");
        using var client = new HttpClient { BaseAddress = factory.WithKestrel() }; // the limits are the real server's
        var employee = await ApiFixture.SignInAsync(client, "pegawai@demo.go.id");
        employee.DefaultRequestHeaders.ExpectContinue = true; // wait for the answer instead of sending what the server refuses unread

        var hugeJson = new StringContent($$"""{"days":[],"reason":"{{new string('a', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await employee.PostAsync("/api/v1/policy/check", hugeJson, Ct)).StatusCode);

        var requestId = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true", Ct)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault();
        var file = new ByteArrayContent(new byte[6 * 1024 * 1024]);
        var upload = await employee.PostAsync($"/api/v1/requests/{(requestId == Guid.Empty ? Guid.NewGuid() : requestId)}/evidence", file, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Contains("EVIDENCE_TOO_LARGE", await upload.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private sealed record Operation(HttpMethod Method, string Path, JsonNode Node);

    private static IEnumerable<Operation> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select new Operation(new HttpMethod(method.Key.ToUpperInvariant()), path.Key, method.Value!);

    /// <summary>The requests to send for one operation, each with a name for the failure message.</summary>
    private static IEnumerable<(string Variant, HttpRequestMessage Request)> Variants(JsonNode document, Operation operation, IReadOnlyDictionary<string, string> ids)
    {
        var parameters = operation.Node["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var content = operation.Node["requestBody"]?["content"]?.AsObject();
        var jsonSchema = content?["application/json"]?["schema"];
        var formSchema = content?["multipart/form-data"]?["schema"];
        var path = FillPath(operation.Path, ids, random: false);

        HttpRequestMessage Request(string url, HttpContent? body = null) => new(operation.Method, url) { Content = body };

        yield return ("nothing", Request(path));
        yield return ("unknown ids", Request(FillPath(operation.Path, ids, random: true)));
        foreach (var edge in Edges)
        {
            var queryString = string.Join("&", query.Select(p => $"{p["name"]}={Uri.EscapeDataString(edge.Scalar(Resolve(document, p["schema"])))}"));
            var url = queryString.Length == 0 ? path : $"{path}?{queryString}";
            if (query.Count > 0)
            {
                yield return ($"query {edge.Name}", Request(url));
            }

            if (jsonSchema is not null)
            {
                yield return ($"body {edge.Name}", Request(url, Json(edge.Value(document, jsonSchema, 0))));
            }
        }

        if (jsonSchema is not null)
        {
            yield return ("null members", Request(path, Json(Nulls(document, jsonSchema, 0))));
            yield return ("null body", Request(path, Json(null)));
            yield return ("empty object", Request(path, Json(new JsonObject())));
            yield return ("array for object", Request(path, Json(new JsonArray(null, 1))));
            yield return ("not json", Request(path, new StringContent("{\"a\": \u0000", Encoding.UTF8, "application/json")));
        }

        if (formSchema is not null)
        {
            var form = new MultipartFormDataContent();
            foreach (var field in Resolve(document, formSchema)?["properties"]?.AsObject() ?? [])
            {
                form.Add(new ByteArrayContent([0, 0, 0, 0x25, 0x50, 0x44, 0x46]), field.Key, "..\\..\\evil%00.pdf");
            }

            yield return ("hostile file", Request(path, form));
            yield return ("json for a form", Request(path, Json(new JsonObject())));
            yield return ("empty form", Request(path, new MultipartFormDataContent()));
        }
    }

    /// <summary>Values at the edges of each type: what a careless or hostile client sends.</summary>
    private static readonly Edge[] Edges =
    [
        new("high", $"x{Nul}<b>é", "9999-12-31", "9999-12-31T23:59:59.9999999+14:00", "2147483647", "1.7976931348623157E+308", "true"),
        new("low", Nul, "0001-01-01", "0001-01-01T00:00:00-14:00", "-2147483648", "-1", "false"),
        new("long", new string('A', 20_000), "2026-02-30", "2026-13-01T25:61:00Z", "4294967296", "NaN", "null"),
    ];

    private sealed record Edge(string Name, string Text, string Date, string DateTime, string Integer, string Number, string Boolean)
    {
        public string Scalar(JsonNode? schema) => (Type(schema), (string?)schema?["format"]) switch
        {
            ("string", "date") => Date,
            ("string", "date-time") => DateTime,
            ("string", "uuid") => Name == "long" ? Text : Guid.NewGuid().ToString(),
            ("string", _) when schema?["enum"] is JsonArray values && Name == "high" => (string?)values[0] ?? Text,
            ("integer", _) => Integer,
            ("number", _) => Number,
            ("boolean", _) => Boolean,
            _ => Text,
        };

        public JsonNode? Value(JsonNode document, JsonNode? schema, int depth)
        {
            schema = Resolve(document, schema);
            if (depth > 4)
            {
                return null;
            }

            switch (Type(schema))
            {
                case "object":
                    var result = new JsonObject();
                    foreach (var property in schema?["properties"]?.AsObject() ?? [])
                    {
                        result[property.Key] = Name == "long" && depth == 0 ? JsonValue.Create(Text) : Value(document, property.Value, depth + 1);
                    }

                    return result;
                case "array":
                    return new JsonArray(null, Value(document, schema?["items"], depth + 1));
                case "integer" or "number":
                    return double.TryParse(Scalar(schema), System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(Scalar(schema));
                case "boolean":
                    return bool.TryParse(Boolean, out var flag) ? JsonValue.Create(flag) : null;
                default:
                    return JsonValue.Create(Scalar(schema));
            }
        }
    }

    /// <summary>Null for every member, and a null item in every list.</summary>
    private static JsonNode? Nulls(JsonNode document, JsonNode? schema, int depth)
    {
        schema = Resolve(document, schema);
        return (Type(schema), depth) switch
        {
            ("object", < 4) => new JsonObject(schema!["properties"]?.AsObject().Select(p => KeyValuePair.Create(p.Key, Type(Resolve(document, p.Value)) == "array" ? (JsonNode?)new JsonArray((JsonNode?)null) : null)) ?? []),
            ("array", _) => new JsonArray((JsonNode?)null),
            _ => null,
        };
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if ((string?)schema["$ref"] is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
            }
            else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => Type(Resolve(document, c)) != "null") ?? choices.FirstOrDefault();
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    /// <summary>Fills path parameters with a real id of the resource the segment before it names, or a random one.</summary>
    private static string FillPath(string template, IReadOnlyDictionary<string, string> ids, bool random)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is ['{', .., '}'] parameter)
            {
                var name = parameter[1..^1];
                var key = name == "id" ? segments[i - 1] : name;
                segments[i] = random
                    ? name switch { "number" => "2147483647", "kind" or "token" => "%00x", "date" => "9999-12-31", _ => Guid.NewGuid().ToString() }
                    : ids.GetValueOrDefault(key) ?? Guid.NewGuid().ToString();
            }
            else if (segments[i].Contains('{', StringComparison.Ordinal))
            {
                segments[i] = "%00" + segments[i][segments[i].IndexOf('}', StringComparison.Ordinal)..].TrimStart('}'); // "{token}.ics"
            }
        }

        return string.Join("/", segments);
    }

    /// <summary>Ids of real rows of the demo agency, keyed by the path segment (or parameter) that names them.</summary>
    private static async Task<Dictionary<string, string>> KnownIdsAsync(FlexWorkAppFactory factory)
    {
        var admin = await ApiFixture.SignInAsync(factory.CreateClient(), "admin@demo.go.id");
        var employee = await ApiFixture.SignInAsync(factory.CreateClient(), "pegawai@demo.go.id");
        var ids = new Dictionary<string, string>
        {
            ["units"] = await FirstIdAsync(admin, "/api/v1/admin/units"),
            ["positions"] = await FirstIdAsync(admin, "/api/v1/admin/positions"),
            ["locations"] = await FirstIdAsync(admin, "/api/v1/admin/locations"),
            ["employees"] = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("employeeId").GetString()!,
            ["number"] = "1",
            ["kind"] = "units",
        };
        var day = TestWeeks.Free(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var submitted = await employee.PostAsJsonAsync(
            "/api/v1/requests",
            new { days = new[] { new { date = day, mode = "Home" } }, reason = "Menyusun laporan", workPlan = new[] { new { output = "Laporan", indicator = "Dokumen", target = "1" } } },
            Ct);
        submitted.EnsureSuccessStatusCode();
        ids["requests"] = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var calendar = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendar", Ct);
        if (calendar.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } entry)
        {
            ids["calendar"] = entry.GetProperty("id").GetString()!;
        }

        // Performance: the running period, Andi's target, report and last evaluation (also standing in for an objection).
        var periods = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/performance/periods", Ct)).EnumerateArray().ToList();
        var running = periods.First(p => p.GetProperty("state").GetString() == "Running").GetProperty("id").GetString()!;
        var closed = periods.First(p => p.GetProperty("state").GetString() == "Closed").GetProperty("id").GetString()!;
        ids["periodId"] = ids["periods"] = running;
        ids["employeeId"] = ids["employees"];
        ids["targets"] = await FirstIdAsync(employee, $"/api/v1/performance/periods/{running}/targets");
        var written = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/performance/reports", Ct)).GetProperty("written").EnumerateArray().FirstOrDefault();
        if (written.ValueKind == JsonValueKind.Object)
        {
            ids["reports"] = written.GetProperty("report").GetProperty("id").GetString()!;
            ids["date"] = written.GetProperty("date").GetString()!;
        }

        ids["evaluations"] = ids["objections"] = (await employee.GetFromJsonAsync<JsonElement>($"/api/v1/performance/periods/{closed}/evaluation", Ct)).GetProperty("id").GetString()!;
        return ids;
    }

    private static async Task<string> FirstIdAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url, Ct)).EnumerateArray().First().GetProperty("id").GetString()!;
}
