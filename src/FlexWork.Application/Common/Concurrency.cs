namespace FlexWork.Application.Common;

public static class Concurrency
{
    /// <summary>
    /// Makes the change conditional on the row still having the version the user saw (PostgreSQL
    /// xmin). A row already changed since is refused at once, before any rule looks at the newer
    /// state; one changed between this read and the save fails the save. Either way a
    /// <see cref="ConcurrencyConflictException"/> tells the user, instead of one edit silently overwriting the other.
    /// </summary>
    public static void ExpectVersion<TEntity>(this IFlexWorkDbContext db, TEntity entity, uint version)
        where TEntity : class
    {
        var property = db.Entry(entity).Property("Version");
        if (property.CurrentValue is uint current && current != version)
        {
            throw new ConcurrencyConflictException($"{typeof(TEntity).Name} was changed by someone else (version {current}, expected {version}).");
        }

        property.OriginalValue = version;
    }
}
