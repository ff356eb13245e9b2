using FlexWork.Domain.Agencies;
using FlexWork.Domain.Common;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlexWork.IntegrationTests.Persistence;

public class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_on_an_empty_database_and_match_the_model()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var services = DemoDatabaseFixture.BuildServices(database);

        await DatabaseMigrator.MigrateAsync(services, Ct);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration captures");

        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync(Ct);
        Assert.Superset(
            new HashSet<string> { "agencies", "organization_units", "positions", "employees", "audit_log", "users", "roles", "user_roles", "data_protection_keys" },
            tables.ToHashSet());

        // Applying again is a no-op: a second instance starting up does not fail.
        await DatabaseMigrator.MigrateAsync(services, Ct);
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await using var database = await TestDatabase.CreateAsync("audit");
        await using var services = DemoDatabaseFixture.BuildServices(database);
        await DatabaseMigrator.MigrateAsync(services, Ct);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            db.Agencies.Add(Agency.Create("AUDIT", "Instansi Audit", IndonesianTimeZones.Wib));
            await db.SaveChangesAsync(Ct);
            var written = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.EntityType == nameof(Agency), Ct);
            Assert.Equal("Added", written.Action);
            Assert.Contains("Instansi Audit", written.Changes, StringComparison.Ordinal);
        }

        // Not even the owner, who may pass the privileges: the trigger refuses.
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_log", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task The_app_role_owns_nothing_reads_and_writes_data_and_only_appends_to_the_audit_log()
    {
        await using var database = await TestDatabase.CreateAsync("approle");
        await using var services = DemoDatabaseFixture.BuildServices(database);
        await DatabaseMigrator.MigrateAsync(services, Ct);

        await using var app = new NpgsqlConnection(database.ConnectionString);
        await app.OpenAsync(Ct);
        foreach (var allowed in new[] { "SELECT count(*) FROM audit_log", "SELECT count(*) FROM employees", "SELECT count(*) FROM __ef_migrations_history" })
        {
            await using var command = new NpgsqlCommand(allowed, app);
            await command.ExecuteScalarAsync(Ct);
        }

        foreach (var refused in new[]
                 {
                     "UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                     "ALTER TABLE audit_log DISABLE TRIGGER ALL", "DROP TABLE audit_log", "CREATE TABLE shadow (id int)",
                     "ALTER TABLE employees ADD COLUMN shadow int", "DELETE FROM __ef_migrations_history",
                 })
        {
            await using var command = new NpgsqlCommand(refused, app);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.True(error.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{refused}: {error.SqlState} {error.MessageText}");
        }

        // What the app itself does, through its own connection: an agency with its audit row.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        db.Agencies.Add(Agency.Create("ROLE", "Instansi Peran", IndonesianTimeZones.Wib));
        await db.SaveChangesAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == nameof(Agency), Ct));
    }

    [Fact]
    public async Task Every_index_of_an_agency_owned_table_leads_with_agency_id()
    {
        await using var database = await TestDatabase.CreateAsync("indexes");
        await using var services = DemoDatabaseFixture.BuildServices(database);
        await DatabaseMigrator.MigrateAsync(services, Ct);

        // The exceptions, each for a reason: an account is one person's across the installation (and
        // the accounts table, whose agency is empty for platform admins, is signed in to by e-mail
        // alone), a calendar app fetches its feed by the secret alone, and a trigram index cannot hold a uuid.
        string[] exceptions = ["employees.ix_employees_user_id", "employees.ix_employees_calendar_feed_secret_hash", "employees.ix_employees_search_text"];
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT t.relname || '.' || i.relname, coalesce(a.attname, '(expression)')
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
            WHERE NOT x.indisprimary AND t.relname <> 'users'
              AND EXISTS (SELECT 1 FROM pg_attribute c WHERE c.attrelid = t.oid AND c.attname = 'agency_id' AND NOT c.attisdropped)
            """,
            connection);
        var offenders = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                if (reader.GetString(1) != "agency_id" && !exceptions.Contains(reader.GetString(0)))
                {
                    offenders.Add($"{reader.GetString(0)} leads with {reader.GetString(1)}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
