using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

public class AdminOrganizationApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_creates_a_unit_position_and_employee_then_edits_and_deactivates_them()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");

        var unit = await CreateAsync(admin, "units", new { name = "Bagian Hubungan Masyarakat", parentId = (Guid?)null, headEmployeeId = (Guid?)null, timeZoneId = "Asia/Jakarta" });
        var criteria = new { workableOutsideOffice = true, noSpecialWorkspaceOrEquipment = true, doableWithIct = true, littleFaceToFaceContact = true, noContinuousSupervision = true };
        var position = await CreateAsync(admin, "positions", new { name = "Pranata Humas", kind = "Fungsional", criteria });

        var positions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/positions", Ct);
        var created = positions.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == position);
        Assert.True(created.GetProperty("isFlexibleWorkEligible").GetBoolean());

        var employee = await CreateAsync(admin, "employees", EmployeeBody("198806062012062041", "Humas Baru", "humas.baru@demo.go.id", unit, position));
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{employee}", Ct);
        Assert.Equal("Humas Baru", details.GetProperty("fullName").GetString());
        var version = details.GetProperty("version").GetUInt32();

        var update = EmployeeBody("198806062012062041", "Humas Baru Sekali", "humas.baru@demo.go.id", unit, position, version,
            eligibilityOverrideReason: "Keadaan khusus: pemulihan kesehatan", eligibilityOverrideUntil: "2027-01-31");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/employees/{employee}", update, Ct)).StatusCode);

        // The old version is stale now: a second editor is told, not silently overwritten.
        var stale = await admin.PutAsJsonAsync($"/api/v1/admin/employees/{employee}", update with { FullName = "Versi Lama" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{employee}", Ct);
        Assert.Equal("Humas Baru Sekali", details.GetProperty("fullName").GetString());
        Assert.Equal("2027-01-31", details.GetProperty("eligibilityOverrideUntil").GetString());

        var deactivate = await admin.PostAsJsonAsync($"/api/v1/admin/employees/{employee}/deactivate", new { version = details.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{employee}", Ct);
        Assert.False(details.GetProperty("isActive").GetBoolean());

        var invitation = await admin.PostAsync($"/api/v1/admin/employees/{employee}/invitation", null, Ct);
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        var invited = await invitation.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("/Account/AcceptInvitation?userId=", invited.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.False(invited.GetProperty("emailed").GetBoolean(), "no SMTP is configured in the tests");
    }

    [Fact]
    public async Task Bad_input_is_explained_per_field_and_a_unit_cannot_move_under_its_own_child()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var invalid = await admin.PostAsJsonAsync("/api/v1/admin/employees", new { nip = "123", fullName = "", email = "x", unitId = Guid.Empty, positionId = Guid.Empty, employmentType = "Pns", positionStartDate = "2024-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("NIP \"123\" tidak valid: harus 18 angka (tanggal lahir, TMT, jenis kelamin, nomor urut).", errors.GetProperty("Nip")[0].GetString());
        Assert.True(errors.TryGetProperty("FullName", out _));
        Assert.True(errors.TryGetProperty("UnitId", out _));

        var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct);
        var setjen = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Sekretariat Jenderal");
        var sdm = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Biro Sumber Daya Manusia");
        var loop = await admin.PutAsJsonAsync($"/api/v1/admin/units/{setjen.GetProperty("id").GetGuid()}", new
        {
            name = "Sekretariat Jenderal",
            parentId = sdm.GetProperty("id").GetGuid(),
            headEmployeeId = setjen.GetProperty("headEmployeeId").GetGuid(),
            timeZoneId = (string?)null,
            version = setjen.GetProperty("version").GetUInt32(),
        }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, loop.StatusCode);
        Assert.True((await loop.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("UNIT_CYCLE", out _));
    }

    [Fact]
    public async Task Demo2_admin_gets_404_for_every_demo_id_and_changes_nothing()
    {
        var demo = await fixture.ClientForAsync("admin@demo.go.id");
        var unit = (await demo.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct))[0];
        var position = (await demo.GetFromJsonAsync<JsonElement>("/api/v1/admin/positions", Ct))[0];
        var employeeId = (await demo.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=pegawai%40demo", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var demo2 = await fixture.ClientForAsync("admin@demo2.go.id");
        Assert.DoesNotContain((await demo2.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct)).EnumerateArray(),
            u => u.GetProperty("id").GetGuid() == unit.GetProperty("id").GetGuid());

        var unitBody = new { name = "Dibajak", parentId = (Guid?)null, headEmployeeId = (Guid?)null, timeZoneId = (string?)null, version = 0u };
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.PutAsJsonAsync($"/api/v1/admin/units/{unit.GetProperty("id").GetGuid()}", unitBody, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.PutAsJsonAsync($"/api/v1/admin/positions/{position.GetProperty("id").GetGuid()}", new { name = "Dibajak", kind = "Pelaksana", criteria = new { }, version = 0u }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.GetAsync($"/api/v1/admin/employees/{employeeId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.PostAsJsonAsync($"/api/v1/admin/employees/{employeeId}/deactivate", new { version = 0u }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.PostAsync($"/api/v1/admin/employees/{employeeId}/invitation", null, Ct)).StatusCode);

        // A DEMO2 employee cannot be placed in a DEMO unit either.
        var demo2Unit = (await demo2.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct))[0].GetProperty("id").GetGuid();
        var demo2Position = (await demo2.GetFromJsonAsync<JsonElement>("/api/v1/admin/positions", Ct))[0].GetProperty("id").GetGuid();
        var intoDemo = await demo2.PostAsJsonAsync("/api/v1/admin/employees", EmployeeBody("198707072011072042", "Salah Tempat", "salah.tempat@demo2.go.id", unit.GetProperty("id").GetGuid(), demo2Position), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoDemo.StatusCode);
        Assert.NotEqual(Guid.Empty, demo2Unit);

        var demo2Audit = await demo2.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?who=admin%40demo.go.id", Ct);
        Assert.Equal(0, demo2Audit.GetProperty("totalCount").GetInt32());

        var still = await demo.GetFromJsonAsync<JsonElement>($"/api/v1/admin/employees/{employeeId}", Ct);
        Assert.True(still.GetProperty("isActive").GetBoolean());
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("kepala@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Every_admin_endpoint_is_403_for_other_roles(string email)
    {
        var client = await fixture.ClientForAsync(email);
        var id = Guid.NewGuid();
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/v1/admin/units", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/units", new { name = "X" }, Ct),
            () => client.PutAsJsonAsync($"/api/v1/admin/units/{id}", new { name = "X" }, Ct),
            () => client.GetAsync("/api/v1/admin/positions", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/positions", new { name = "X" }, Ct),
            () => client.PutAsJsonAsync($"/api/v1/admin/positions/{id}", new { name = "X" }, Ct),
            () => client.GetAsync($"/api/v1/admin/employees/{id}", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/employees", new { nip = "x" }, Ct),
            () => client.PutAsJsonAsync($"/api/v1/admin/employees/{id}", new { nip = "x" }, Ct),
            () => client.PostAsJsonAsync($"/api/v1/admin/employees/{id}/deactivate", new { version = 0 }, Ct),
            () => client.PostAsync($"/api/v1/admin/employees/{id}/invitation", null, Ct),
            () => client.GetAsync("/api/v1/admin/audit", Ct),
            () => client.PostAsync("/api/v1/admin/imports/employees", new StringContent("nip\n", System.Text.Encoding.UTF8, "text/csv"), Ct),
            () => client.PostAsync("/api/v1/admin/imports/units", new StringContent("nama\n", System.Text.Encoding.UTF8, "text/csv"), Ct),
            () => client.PostAsync("/api/v1/admin/imports/positions", new StringContent("nama,jenis\n", System.Text.Encoding.UTF8, "text/csv"), Ct),
        };
        foreach (var call in calls)
        {
            var response = await call();
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string collection, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/admin/{collection}", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Two_admins_creating_the_same_employee_at_once_get_one_201_and_a_409_never_a_500()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var unit = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct))[0].GetProperty("id").GetGuid();
        var position = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/positions", Ct))[0].GetProperty("id").GetGuid();

        // Both pass the "is the NIP free?" check before either saves: the unique index decides.
        var body = EmployeeBody("199001012015011077", "Kembar Serentak", "kembar.serentak@demo.go.id", unit, position);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsJsonAsync("/api/v1/admin/employees", body, Ct)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
    }

    private static EmployeeRequest EmployeeBody(
        string nip, string name, string email, Guid unit, Guid position, uint version = 0,
        string? eligibilityOverrideReason = null, string? eligibilityOverrideUntil = null) =>
        new(nip, name, email, unit, position, null, "Pns", "2024-01-02", "None", null, null, null, null, null, eligibilityOverrideReason, eligibilityOverrideUntil, version);

    private sealed record EmployeeRequest(
        string Nip, string FullName, string Email, Guid UnitId, Guid PositionId, Guid? SupervisorId, string EmploymentType,
        string PositionStartDate, string DisciplinaryStatus, string? DisciplinaryFrom, string? DisciplinaryUntil, string? DisciplinaryReference,
        string? Domicile, string? TimeZoneId, string? EligibilityOverrideReason, string? EligibilityOverrideUntil, uint Version);
}
