namespace FlexWork.Application.Common;

public static class Concurrency
{
    /// <summary>
    /// Makes the save conditional on the row still having the version the user saw (PostgreSQL
    /// xmin): if someone else saved in between, EF throws DbUpdateConcurrencyException and the
    /// user is told, instead of one edit silently overwriting the other.
    /// </summary>
    public static void ExpectVersion<TEntity>(this IFlexWorkDbContext db, TEntity entity, uint version)
        where TEntity : class =>
        db.Entry(entity).Property("Version").OriginalValue = version;
}
