using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlexWork.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Api;

public class RequestApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Week(int n) => TestWeeks.Free(n);

    [Fact]
    public async Task Submit_approve_and_read_back_through_the_api()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var created = await employee.PostAsync("/api/v1/requests", Body(("Home", Week(0)), ("Home", Week(0).AddDays(2))), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Submitted", request.GetProperty("status").GetString());
        Assert.True(request.TryGetProperty("findings", out _));
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/requests/{id}", created.Headers.Location?.ToString());

        var supervisor = await fixture.ClientForAsync("atasan@demo.go.id");
        var inbox = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/approvals", Ct);
        var item = inbox.EnumerateArray().Single(i => i.GetProperty("request").GetProperty("id").GetGuid() == id);
        Assert.Equal(2, item.GetProperty("coverage").GetArrayLength());

        var approved = await supervisor.PostAsJsonAsync($"/api/v1/requests/{id}/approve", new { comment = (string?)null, version = request.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        var stale = await supervisor.PostAsJsonAsync($"/api/v1/requests/{id}/reject", new { comment = "terlambat", version = request.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var mine = await employee.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true", Ct);
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("status").GetString() == "Approved");

        var notifications = await employee.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true", Ct);
        Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("requestId").GetGuid() == id && n.GetProperty("kind").GetString() == "Approved");
        Assert.Equal(HttpStatusCode.NoContent, (await employee.PostAsync("/api/v1/notifications/read-all", null, Ct)).StatusCode);
        Assert.Empty((await employee.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true", Ct)).EnumerateArray());
    }

    [Fact]
    public async Task A_weekly_pattern_becomes_the_days_of_the_request()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var from = Week(6);
        var body = Json(new
        {
            pattern = new { from = Iso(from), to = Iso(from.AddDays(20)), weekdays = Fridays, mode = "Home", start = "07:30", end = "16:30" },
            reason = "Setiap Jumat dari rumah",
            workPlan = new[] { new { output = "Laporan mingguan" } },
        });
        var created = await employee.PostAsync("/api/v1/requests", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var days = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        Assert.All(days, d => Assert.Equal("Home", d.GetProperty("mode").GetString()));

        var empty = await employee.PostAsync("/api/v1/policy/check", Json(new { pattern = new { from = Iso(from), to = Iso(from), weekdays = Array.Empty<string>(), mode = "Home" } }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await employee.PostAsync("/api/v1/policy/check", Json(new { }), Ct)).StatusCode);
    }

    private static readonly string[] Fridays = ["Friday"];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_blocked_request_is_a_422_keyed_by_rule_code_and_nothing_is_stored()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
        {
            Content = Body(("Home", Week(1)), ("Home", Week(1).AddDays(1)), ("Home", Week(1).AddDays(2))),
        };
        message.Headers.AcceptLanguage.ParseAdd("en-US");
        var response = await employee.SendAsync(message, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messages = problem.GetProperty("errors").GetProperty("WEEKLY_REMOTE_CAP");
        Assert.Equal("The limit is 2 working days away from the office per week; this is day 3 of that week.", messages[0].GetString());

        // A bare "en" is English too.
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = Body(("Home", Week(1)), ("Home", Week(1).AddDays(1)), ("Home", Week(1).AddDays(2))) };
        bare.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await employee.SendAsync(bare, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(messages[0].GetString(), english.GetProperty("errors").GetProperty("WEEKLY_REMOTE_CAP")[0].GetString());

        var mine = await employee.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true", Ct);
        Assert.DoesNotContain(mine.EnumerateArray(), r => r.GetProperty("firstDay").GetString() == Week(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_creates_one_request()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = Body(("Home", Week(2))) };
            message.Headers.Add("Idempotency-Key", "pengajuan-minggu-ketiga-andi");
            var response = await employee.SendAsync(message, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        }

        Assert.Single(ids.Distinct());

        // The same key with another body is not a retry: refused, and nothing is created.
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = Body(("Home", Week(2).AddDays(1))) };
        other.Headers.Add("Idempotency-Key", "pengajuan-minggu-ketiga-andi");
        var reused = await employee.SendAsync(other, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("IDEMPOTENCY_KEY_REUSED", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var mine = await employee.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true", Ct);
        Assert.DoesNotContain(mine.EnumerateArray(), r => r.GetProperty("firstDay").GetString() == Week(2).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_request_endpoint_answers_404_to_another_agency_and_a_colleague()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var created = await (await employee.PostAsync("/api/v1/requests?draft=true", Body(("Home", Week(3))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());

        foreach (var email in new[] { "pegawai@demo2.go.id", "admin@demo2.go.id", "baru@demo.go.id" })
        {
            var other = await fixture.ClientForAsync(email);
            var calls = new Func<Task<HttpResponseMessage>>[]
            {
                () => other.GetAsync($"/api/v1/requests/{id}", Ct),
                () => other.PutAsync($"/api/v1/requests/{id}", Json(new { days = new[] { new { date = Week(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = "Office" } }, version = 1 }), Ct),
                () => other.PostAsJsonAsync($"/api/v1/requests/{id}/withdraw", new { version = 1 }, Ct),
                () => other.PostAsJsonAsync($"/api/v1/requests/{id}/approve", new { version = 1 }, Ct),
                () => other.PostAsJsonAsync($"/api/v1/requests/{id}/reject", new { comment = "x", version = 1 }, Ct),
                () => other.PostAsJsonAsync($"/api/v1/requests/{id}/return", new { comment = "x", version = 1 }, Ct),
                () => other.PostAsJsonAsync($"/api/v1/requests/{id}/revoke", new { comment = "x", version = 1 }, Ct),
                () => other.PostAsync($"/api/v1/requests/{id}/evidence", new ByteArrayContent("%PDF-1.7"u8.ToArray()), Ct),
                () => other.GetAsync($"/api/v1/requests/{id}/evidence", Ct),
            };
            foreach (var call in calls)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await call()).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Bulk_approval_reports_each_request_and_a_running_approval_is_listed_and_revoked()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var first = await (await employee.PostAsync("/api/v1/requests", Body(("Home", Week(7))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var second = await (await employee.PostAsync("/api/v1/requests", Body(("Home", Week(8))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (firstId, secondId) = (first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        var items = new[]
        {
            new { id = firstId, version = first.GetProperty("version").GetUInt32() },
            new { id = secondId, version = second.GetProperty("version").GetUInt32() + 1 }, // someone changed it since
        };

        // Another agency's admin and a colleague without reports approve nothing, and learn nothing beyond "not found".
        foreach (var email in new[] { "admin@demo2.go.id", "baru@demo.go.id" })
        {
            var outsider = await fixture.ClientForAsync(email);
            var refused = await (await outsider.PostAsJsonAsync("/api/v1/approvals/approve", new { items }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.All(refused.EnumerateArray(), o => Assert.Equal("REQUEST_NOT_FOUND", o.GetProperty("errorCode").GetString()));
            Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/approvals/revocable", Ct)).EnumerateArray());
        }

        var supervisor = await fixture.ClientForAsync("atasan@demo.go.id");
        var inbox = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/approvals", Ct);
        Assert.True(inbox.EnumerateArray().Single(i => i.GetProperty("request").GetProperty("id").GetGuid() == firstId).GetProperty("canBulkApprove").GetBoolean());
        var outcomes = (await (await supervisor.PostAsJsonAsync("/api/v1/approvals/approve", new { items }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .EnumerateArray().ToDictionary(o => o.GetProperty("id").GetGuid());
        Assert.True(outcomes[firstId].GetProperty("approved").GetBoolean());
        Assert.Equal("REQUEST_CHANGED", outcomes[secondId].GetProperty("errorCode").GetString());
        Assert.Equal("Pengajuan ini baru saja diputuskan atau diubah orang lain.", outcomes[secondId].GetProperty("message").GetString());

        var revocable = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/approvals/revocable", Ct);
        var running = revocable.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == firstId);
        var revoke = (string? comment) => supervisor.PostAsJsonAsync($"/api/v1/requests/{firstId}/revoke", new { comment, version = running.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await revoke(null)).StatusCode);
        var revoked = await revoke("Layanan tatap muka ditambah pada minggu itu");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("Revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/approvals/revocable", Ct)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == firstId);
        var notifications = await employee.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("requestId").GetGuid() == firstId && n.GetProperty("kind").GetString() == "Revoked");
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_refused_with_a_clear_message()
    {
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var draft = await (await employee.PostAsync("/api/v1/requests?draft=true", Body(("Home", Week(5))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = draft.GetProperty("id").GetGuid();

        using var fake = new ByteArrayContent("ini teks biasa"u8.ToArray());
        fake.Headers.Add("X-File-Name", "surat.pdf");
        var refused = await employee.PostAsync($"/api/v1/requests/{id}/evidence", fake, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("PDF, JPG atau PNG", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var png = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        png.Headers.Add("X-File-Name", "tiket.png");
        var stored = await employee.PostAsync($"/api/v1/requests/{id}/evidence", png, Ct);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var files = await employee.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/evidence", Ct);
        Assert.Equal("image/png", Assert.Single(files.EnumerateArray()).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task The_calendar_feed_needs_no_sign_in_but_its_secret_shown_once_and_a_renewed_secret_retires_the_old_url()
    {
        var sink = new CollectingSink();
        await using var app = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(sink)));
        var employee = await ApiFixture.SignInAsync(app.CreateClient(), "pegawai@demo.go.id");
        Assert.NotNull(app.Services.GetService<Serilog.ILogger>()); // the request log writes to this app's logger, not a static one
        Assert.False((await employee.GetFromJsonAsync<JsonElement>("/api/v1/schedule/feed", Ct)).GetProperty("active").GetBoolean());
        var url = (await (await employee.PostAsync("/api/v1/schedule/feed/renew", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!;
        var status = await employee.GetFromJsonAsync<JsonElement>("/api/v1/schedule/feed", Ct);
        Assert.True(status.GetProperty("active").GetBoolean());
        Assert.False(status.TryGetProperty("url", out _), "the URL is shown only when it is made");

        var anonymous = app.CreateClient();
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var renewed = await (await employee.PostAsync("/api/v1/schedule/feed/renew", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(url, renewed.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/bukan-rahasia.ics", Ct)).StatusCode);

        // The request log saw the feed requests, but never the secret in their path.
        var secret = new Uri(url).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        Assert.Contains(sink.Rendered, line => line.Contains("/calendar/[secret].ics", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Rendered, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_platform_admin_has_no_requests_and_the_employee_cannot_decide_their_own()
    {
        var platform = await fixture.ClientForAsync("platform@flexwork.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsync("/api/v1/requests", Body(("Home", Week(4))), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/approvals", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/approvals/revocable", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsJsonAsync("/api/v1/approvals/approve", new { items = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/notifications", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/schedule/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/schedule/team", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("/api/v1/schedule/team/units", Ct)).StatusCode);

        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var created = await (await employee.PostAsync("/api/v1/requests", Body(("Home", Week(4))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var approve = await employee.PostAsJsonAsync($"/api/v1/requests/{created.GetProperty("id").GetGuid()}/approve", new { version = created.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
    }

    [Fact]
    public async Task An_acting_official_appointed_from_the_team_cannot_approve_their_own_request()
    {
        var supervisor = await fixture.ClientForAsync("atasan@demo.go.id");
        var employee = await fixture.ClientForAsync("pegawai@demo.go.id");
        var me = await employee.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var appointed = await supervisor.PostAsJsonAsync("/api/v1/delegations", new
        {
            delegateEmployeeId = me.GetProperty("employeeId").GetGuid(),
            from = Iso(today.AddDays(-1)),
            until = Iso(today.AddDays(14)),
            decreeReference = "Sprint Plh 3/2026",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        var appointment = await appointed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(appointment.GetProperty("delegateOwnRequestsExcluded").GetBoolean());

        var created = await (await employee.PostAsync("/api/v1/requests", Body(("Home", Week(9))), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetGuid();
        var approve = await employee.PostAsJsonAsync($"/api/v1/requests/{id}/approve", new { version = created.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Contains("sendiri", (await approve.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        var inbox = await employee.GetFromJsonAsync<JsonElement>("/api/v1/approvals", Ct);
        Assert.DoesNotContain(inbox.EnumerateArray(), i => i.GetProperty("request").GetProperty("id").GetGuid() == id);
        var bulk = await employee.PostAsJsonAsync("/api/v1/approvals/approve", new { items = new[] { new { id, version = created.GetProperty("version").GetUInt32() } } }, Ct);
        Assert.Equal("REQUEST_OWN_DECISION", (await bulk.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
        Assert.Equal("Submitted", (await employee.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}", Ct)).GetProperty("status").GetString());

        // Other tests of this class must not meet an acting official they did not appoint.
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/v1/delegations/{appointment.GetProperty("id").GetGuid()}/revoke", null, Ct)).StatusCode);
    }

    private static StringContent Body(params (string Mode, DateOnly Date)[] days) => Json(new
    {
        days = days.Select(d => new { date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = d.Mode }),
        reason = "Menyusun laporan",
        workPlan = new[] { new { output = "Laporan analisis jabatan", indicator = "Dokumen", target = "1" } },
    });

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
