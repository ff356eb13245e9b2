using FlexWork.Infrastructure.Persistence;
using FlexWork.Infrastructure.Seeding;

namespace FlexWork.Web;

internal static class StartupSteps
{
    // Command-line switches for the deployment steps, e.g. `FlexWork.Web --migrate --no-serve`.
    private static readonly Dictionary<string, string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--migrate"] = "Database:Migrate",
        ["--seed-demo"] = "Database:SeedDemo",
        ["--no-serve"] = "NoServe",
    };

    public static string[] WithoutFlags(string[] args) => [.. args.Where(a => !Flags.ContainsKey(a))];

    public static IEnumerable<KeyValuePair<string, string?>> FlagSettings(string[] args) =>
        args.Where(Flags.ContainsKey).Select(a => KeyValuePair.Create(Flags[a], (string?)"true"));

    /// <summary>
    /// Explicit deployment steps, before the app serves: <c>--migrate</c> applies migrations,
    /// <c>--seed-demo</c> adds the demo agencies (Development turns both on).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Database:Migrate"))
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }

        if (app.Configuration.GetValue<bool>("Database:SeedDemo"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
