using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

/// <summary>
/// Attendance machines through the API: an admin makes a client and gets its secret once, the
/// machine exchanges it for a token and sends batches of taps; rows are answered one by one, a
/// batch sent twice changes nothing, another agency's people are out of reach, and a machine's
/// token opens nothing else (nor a person's token the machine's route).
/// </summary>
public class IntegrationApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_machine_sends_taps_row_by_row_idempotently_and_only_for_its_agency()
    {
        var (clientId, secret) = await CreateClientAsync("admin@demo.go.id", "Mesin sidik jari lobi Gedung A");
        var machine = await MachineAsync(clientId, secret);
        var andiNip = await NipAsync("pegawai@demo.go.id");
        var otherNip = await NipAsync("pegawai@demo2.go.id");
        var now = DateTimeOffset.UtcNow;
        object[] events =
        [
            new { eventId = "A-1", nip = andiNip, at = now.AddMinutes(-3), kind = "CheckIn" },
            new { eventId = "A-2", nip = andiNip, at = now.AddMinutes(-2), kind = "CheckOut" },
            new { eventId = "A-3", nip = andiNip, at = now.AddMinutes(-1), kind = "CheckOut" },
            new { eventId = "A-4", nip = otherNip, at = now.AddMinutes(-1), kind = "CheckIn" },
            new { eventId = "A-5", nip = "12345", at = now, kind = "CheckIn" },
            new { eventId = "A-1", nip = andiNip, at = now.AddMinutes(-3), kind = "CheckIn" },
            new { eventId = "", nip = andiNip, at = now, kind = "CheckIn" },
        ];

        var first = await SendAsync(machine, events);
        Assert.Equal((2, 0, 4, 1), (first.GetProperty("recorded").GetInt32(), first.GetProperty("unchanged").GetInt32(), first.GetProperty("refused").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        var rows = first.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(events.Length, rows.Count);
        Assert.Equal(["Recorded", "Recorded", "Refused", "Refused", "Refused", "Recorded", "Refused"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal([null, null, "PRESENCE_ALREADY_CHECKED_OUT", "INTEGRATION_EMPLOYEE_UNKNOWN", "NIP_INVALID", null, "INTEGRATION_EVENT_ID_INVALID"],
            rows.Select(r => r.GetProperty("code").GetString()));
        Assert.True(rows[5].GetProperty("duplicate").GetBoolean());
        Assert.Contains("NIP", rows[3].GetProperty("message").GetString(), StringComparison.Ordinal); // in the caller's language, with the NIP named

        var again = await SendAsync(machine, events);
        Assert.Equal((0, 0, 1, 6), (again.GetProperty("recorded").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("refused").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(rows.Select(r => r.GetProperty("outcome").GetString()), again.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));

        var andi = await fixture.ClientForAsync("pegawai@demo.go.id");
        var today = await andi.GetFromJsonAsync<JsonElement>("/api/v1/presence/today", Ct);
        Assert.Equal("Device", today.GetProperty("checkIn").GetProperty("check").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Object, today.GetProperty("checkOut").ValueKind);

        // Another agency's machine cannot reach this agency's people either.
        var (otherId, otherSecret) = await CreateClientAsync("admin@demo2.go.id", "Mesin BKD");
        var otherMachine = await MachineAsync(otherId, otherSecret);
        var cross = await SendAsync(otherMachine, [new { eventId = "B-1", nip = andiNip, at = now, kind = "CheckIn" }]);
        Assert.Equal("INTEGRATION_EMPLOYEE_UNKNOWN", cross.GetProperty("results")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_secret_is_shown_once_kept_hashed_and_a_revoked_or_wrong_client_gets_no_token()
    {
        var (clientId, secret) = await CreateClientAsync("admin@demo.go.id", "Mesin wajah Kanwil");
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var listed = await admin.GetStringAsync("/api/v1/admin/integration-clients", Ct);
        Assert.Contains("Mesin wajah Kanwil", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var audit = await admin.GetStringAsync("/api/v1/admin/audit?entity=IntegrationClient", Ct);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(clientId, secret + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("not-a-client", secret)).StatusCode);
        using (var wrongGrant = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = clientId, ["client_secret"] = secret }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Factory.CreateClient().PostAsync("/api/v1/integrations/token", wrongGrant, Ct)).StatusCode);
        }

        // HTTP Basic works as well as the form; the token opens the machine's route only.
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v1/integrations/token") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }) };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var token = await (await fixture.Factory.CreateClient().SendAsync(basic, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        var machine = fixture.Factory.CreateClient();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/v1/admin/integration-clients", Ct)).StatusCode);
        var person = await fixture.ClientForAsync("admin@demo.go.id");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsJsonAsync("/api/v1/integrations/presence", new { events = new[] { new { eventId = "P-1" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("pegawai@demo.go.id")).PostAsJsonAsync("/api/v1/admin/integration-clients", new { name = "x" }, Ct)).StatusCode);

        var id = JsonDocument.Parse(listed).RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Mesin wajah Kanwil").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("admin@demo2.go.id")).PostAsync($"/api/v1/admin/integration-clients/{id}/revoke", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/integration-clients/{id}/revoke", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(clientId, secret)).StatusCode);
    }

    [Fact]
    public async Task A_batch_of_the_wrong_size_is_a_422_that_stores_nothing()
    {
        var (clientId, secret) = await CreateClientAsync("admin@demo.go.id", "Mesin uji batas");
        var machine = await MachineAsync(clientId, secret);
        var empty = await machine.PostAsJsonAsync("/api/v1/integrations/presence", new { events = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var huge = Enumerable.Range(0, 1_001).Select(i => new { eventId = $"H-{i}", nip = "197601242001011004", at = DateTimeOffset.UtcNow, kind = "CheckIn" }).ToArray();
        var tooMany = await machine.PostAsJsonAsync("/api/v1/integrations/presence", new { events = huge }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("INTEGRATION_BATCH_SIZE", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<(string ClientId, string Secret)> CreateClientAsync(string admin, string name)
    {
        var created = await (await fixture.ClientForAsync(admin)).PostAsJsonAsync("/api/v1/admin/integration-clients", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    private Task<HttpResponseMessage> TokenAsync(string clientId, string secret) =>
        fixture.Factory.CreateClient().PostAsync("/api/v1/integrations/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }), Ct);

    private async Task<HttpClient> MachineAsync(string clientId, string secret)
    {
        var response = await TokenAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    private async Task<string> NipAsync(string email) =>
        (await (await fixture.ClientForAsync(email)).GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("nip").GetString()!;

    private static async Task<JsonElement> SendAsync(HttpClient machine, object[] events)
    {
        var response = await machine.PostAsJsonAsync("/api/v1/integrations/presence", new { events }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
