using FlexWork.Domain.Common;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>A clock the test sets: services made with it see "now" there.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class PerformanceTestKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A service of the scope, made with the test's clock instead of the system's.</summary>
    public static T With<T>(this AsyncServiceScope scope, TimeProvider clock) => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, clock);

    public static T Get<T>(this AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static async Task<Dictionary<string, Guid>> EmployeeIdsAsync(this DemoDatabaseFixture fixture)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.Get<FlexWorkDbContext>().Employees.IgnoreQueryFilters().ToDictionaryAsync(e => e.Email, e => e.Id, Ct);
    }

    /// <summary>Changes made straight in the database (as the seed would), outside any signed-in agency.</summary>
    public static async Task ArrangeAsync(this DemoDatabaseFixture fixture, Func<FlexWorkDbContext, Task> arrange)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.Get<FlexWorkDbContext>();
        await arrange(db);
        foreach (var aggregate in db.ChangeTracker.Entries<AggregateRoot>())
        {
            aggregate.Entity.ClearDomainEvents();
        }

        await db.SaveChangesAsync(Ct);
    }

    public static async Task<int> AuditCountAsync(this DemoDatabaseFixture fixture, string entity)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.Get<FlexWorkDbContext>().AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == entity, Ct);
    }
}
