using Microsoft.EntityFrameworkCore.Design;

namespace Ops.Portal.Tests.Persistence;

/// <summary>The SQLite and MySQL migration sets describe the same model, step for step.</summary>
public sealed class MigrationSetTests
{
    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Create<SqliteOpsDbContext>();
        using var mysql = Create<MySqlOpsDbContext>();

        Assert.Equal(Names(sqlite), Names(mysql));
    }

    [Fact]
    public void NeitherProvider_HasModelChangesWithoutAMigration()
    {
        using var sqlite = Create<SqliteOpsDbContext>();
        using var mysql = Create<MySqlOpsDbContext>();

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a SQLite migration (see README).");
        Assert.False(mysql.Database.HasPendingModelChanges(), "Add a MySQL migration (see README).");
    }

    // Migration ids are "<timestamp>_<Name>"; the names must pair up in order.
    private static IEnumerable<string> Names(DbContext context) =>
        context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

    internal static TContext Create<TContext>() where TContext : OpsDbContext
    {
        var factoryType = typeof(OpsDbContext).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<TContext>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<TContext>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }
}
