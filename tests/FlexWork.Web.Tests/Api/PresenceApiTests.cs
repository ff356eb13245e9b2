using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

/// <summary>Presensi through the API: a day checked in and out, a correction decided, and the doors of every role.</summary>
public class PresenceApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_day_is_checked_in_once_and_out_once_and_a_broken_location_is_a_422()
    {
        var bunga = await fixture.ClientForAsync("baru@demo.go.id");
        var broken = await bunga.PostAsJsonAsync("/api/v1/presence/check-in", new { latitude = -6.2, longitude = 106.8 }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("PRESENCE_LOCATION_INVALID", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await bunga.GetFromJsonAsync<JsonElement>("/api/v1/presence/today", Ct)).GetProperty("checkIn").ValueKind);

        var first = await (await bunga.PostAsJsonAsync("/api/v1/presence/check-in", new { latitude = -6.2298, longitude = 106.8271, accuracyMeters = 15 }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var check = first.GetProperty("checkIn").GetProperty("check");
        Assert.Equal(("Inside", false), (check.GetProperty("outcome").GetString(), check.GetProperty("isFlag").GetBoolean()));
        var second = await (await bunga.PostAsJsonAsync("/api/v1/presence/check-in", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(first.GetProperty("checkIn").GetProperty("at").GetString(), second.GetProperty("checkIn").GetProperty("at").GetString());

        Assert.Equal(HttpStatusCode.OK, (await bunga.PostAsJsonAsync("/api/v1/presence/check-out", new { }, Ct)).StatusCode);
        var twice = await bunga.PostAsJsonAsync("/api/v1/presence/check-out", new { }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("PRESENCE_ALREADY_CHECKED_OUT", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_decided_by_the_supervisor_only()
    {
        var andi = await fixture.ClientForAsync("pegawai@demo.go.id");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
        var created = await andi.PostAsJsonAsync("/api/v1/presence/corrections", new { date = yesterday, checkIn = "07:30", checkOut = "16:00", reason = "Lupa presensi pulang" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var correction = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var decision = new { comment = "Sesuai", version = correction.GetProperty("version").GetUInt32() };
        var id = correction.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await andi.PostAsJsonAsync($"/api/v1/presence/corrections/{id}/approve", decision, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("pegawai@demo2.go.id")).PostAsJsonAsync($"/api/v1/presence/corrections/{id}/approve", decision, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("baru@demo.go.id")).PostAsJsonAsync($"/api/v1/presence/corrections/{id}/approve", decision, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("platform@flexwork.local")).GetAsync("/api/v1/presence/team/today", Ct)).StatusCode);

        var siti = await fixture.ClientForAsync("atasan@demo.go.id");
        var team = await siti.GetFromJsonAsync<JsonElement>("/api/v1/presence/team/today", Ct);
        Assert.Contains(team.GetProperty("pendingCorrections").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Contains(team.GetProperty("people").EnumerateArray(), p => p.GetProperty("fullName").GetString() == "Andi Pratama");
        var approved = await siti.PostAsJsonAsync($"/api/v1/presence/corrections/{id}/approve", decision, Ct);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await siti.PostAsJsonAsync($"/api/v1/presence/corrections/{id}/reject", decision, Ct)).StatusCode);
        Assert.Contains((await andi.GetFromJsonAsync<JsonElement>("/api/v1/presence/corrections", Ct)).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == id && c.GetProperty("status").GetString() == "Approved");
    }
}
