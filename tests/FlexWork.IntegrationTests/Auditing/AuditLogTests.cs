using FlexWork.Application.Auditing.SearchAudit;
using FlexWork.Application.Common;
using FlexWork.Application.Organization.ManagePositions;
using FlexWork.Domain.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Auditing;

public class AuditLogTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_finds_their_own_change_by_who_what_and_date_and_never_another_agencys()
    {
        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            await scope.ServiceProvider.GetRequiredService<PositionAdministration>()
                .CreateAsync(new PositionInput("Auditor Internal", PositionKind.Fungsional, DutyCriteria.AllMet), Ct);
        }

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var mine = await log.SearchAsync(new AuditQuery(Who: "admin@demo.go.id", EntityType: "Position", From: today.AddDays(-1), To: today.AddDays(1)), Ct);
            var entry = Assert.Single(mine.Items);
            Assert.Equal("admin@demo.go.id", entry.UserEmail);
            Assert.Equal("Added", entry.Action);
            Assert.Contains("Auditor Internal", entry.Changes, StringComparison.Ordinal);

            Assert.Equal(0, (await log.SearchAsync(new AuditQuery(Who: "nobody@demo.go.id"), Ct)).TotalCount);
            Assert.Equal(0, (await log.SearchAsync(new AuditQuery(EntityType: "Position", From: today.AddDays(2)), Ct)).TotalCount);

            var export = await log.ExportAsync(new AuditQuery(EntityType: "Position"), Ct);
            Assert.Contains(export, e => e.Changes.Contains("Auditor Internal", StringComparison.Ordinal));
        }

        await using (var scope = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var theirs = await log.SearchAsync(new AuditQuery(PageSize: 200), Ct);
            Assert.DoesNotContain(theirs.Items, e => e.Changes.Contains("Auditor Internal", StringComparison.Ordinal));
            Assert.DoesNotContain(theirs.Items, e => e.UserEmail == "admin@demo.go.id");
            Assert.Empty(await log.ExportAsync(new AuditQuery(Who: "admin@demo.go.id"), Ct));
        }
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Only_agency_admins_read_the_log(string email)
    {
        await using var scope = await fixture.ActAsAsync(email);
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => log.SearchAsync(new AuditQuery(), Ct));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => log.ExportAsync(new AuditQuery(), Ct));
    }

    [Fact]
    public async Task A_reversed_date_range_is_refused()
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(From: new DateOnly(2026, 5, 2), To: new DateOnly(2026, 5, 1)), Ct));
        Assert.Equal("DATE_RANGE_INVALID", Assert.Single(error.Errors).ErrorCode);
    }
}
