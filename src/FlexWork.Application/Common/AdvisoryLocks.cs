using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Common;

/// <summary>
/// PostgreSQL advisory locks held until the transaction ends, so that writers whose checks
/// depend on each other take turns: each sees what the one before committed. Taken in one order
/// everywhere (employee, then unit), so they cannot deadlock, and only inside
/// <see cref="IFlexWorkDbContextFactory.InTransactionAsync{T}"/>, which commits and so releases them.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>One person's submissions: both cannot pass the caps that only their sum breaks.</summary>
    public static Task EmployeeAsync(IFlexWorkDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        TakeAsync(db, employeeId, cancellationToken);

    /// <summary>
    /// A unit's on-site minimum: two colleagues submitting, or an approval and a submission, on
    /// the same days cannot each count the unit as it was before the other.
    /// </summary>
    public static Task UnitAsync(IFlexWorkDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        TakeAsync(db, unitId, cancellationToken);

    private static async Task TakeAsync(IFlexWorkDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An advisory lock outside a transaction would end with its statement; take it inside InTransactionAsync.");
        }

        // The random half of a version-7 id: employees and units never share a key in practice,
        // and a collision would only make two writers wait for each other.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BitConverter.ToInt64(id.ToByteArray(), 8)})", cancellationToken);
    }
}
