using System.Data.Common;
using FlexWork.Application.Notifications;
using FlexWork.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>
/// Wakes the mail outbox once notifications with an e-mail are committed: right after the save,
/// or after the commit of the transaction around it (never before, when the outbox could not see them yet).
/// </summary>
public sealed class MailOutboxWakeInterceptor(MailOutboxSignal outbox) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteNewMail(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteNewMail(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeUnlessInTransaction(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private static void NoteNewMail(DbContext? context)
    {
        if (context is FlexWorkDbContext db
            && db.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added && e.Entity.Mail == NotificationMail.Pending))
        {
            db.HasUncommittedMail = true;
        }
    }

    private void WakeUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    private void Wake(DbContext? context)
    {
        if (context is FlexWorkDbContext { HasUncommittedMail: true } db)
        {
            db.HasUncommittedMail = false;
            outbox.Wake();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is FlexWorkDbContext db)
        {
            db.HasUncommittedMail = false;
        }
    }
}
