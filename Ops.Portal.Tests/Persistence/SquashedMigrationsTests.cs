using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Portal.Tests.Persistence;

/// <summary>
/// A database made before the migrations were squashed: with every old migration applied it adopts the one initial
/// migration (nothing is applied, data stays); stopped part-way it is refused, saying what to do.
/// </summary>
public sealed class SquashedMigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADatabaseWithEveryOldMigration_AdoptsTheSquashedInitial_AndKeepsItsData(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider, migrate: false);
        var squash = await PretendMadeBeforeTheSquashAsync(harness, provider, all: true);
        await harness.DepartmentAsync("KEPT");

        await Ops.Infrastructure.OpsStartup.MigrateAsync(harness.Services, TestContext.Current.CancellationToken);

        // The initial migration adopted, nothing of it applied again; the migrations made since the squash then ran.
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Code == "KEPT", TestContext.Current.CancellationToken));
        Assert.Equal(PermissionCatalog.All.Count, await db.Permissions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADatabaseThatStoppedPartWay_IsRefused_NamingWhereItStopped(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider, migrate: false);
        var squash = await PretendMadeBeforeTheSquashAsync(harness, provider, all: false);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Ops.Infrastructure.OpsStartup.MigrateAsync(harness.Services, TestContext.Current.CancellationToken));

        Assert.Contains(squash.Replaced[2], refused.Message, StringComparison.Ordinal);
        Assert.Contains(squash.Replaced[3], refused.Message, StringComparison.Ordinal);
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(squash.Replaced.Take(3), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TheSquashRecords_TheInitialMigrationOfEachSet()
    {
        using var sqlite = MigrationSetTests.Create<SqliteOpsDbContext>();
        using var mysql = MigrationSetTests.Create<MySqlOpsDbContext>();

        Assert.Equal(SquashedMigrationIds.Sqlite.Initial, sqlite.Database.GetMigrations().First());
        Assert.Equal(SquashedMigrationIds.MySql.Initial, mysql.Database.GetMigrations().First());
    }

    /// <summary>
    /// A database as an older build left it: the schema of the squash (the initial migration, nothing made since) with
    /// every squashed migration (or the first three) in its history instead of the initial one.
    /// </summary>
    private static async Task<SquashedMigrationIds.Squash> PretendMadeBeforeTheSquashAsync(InfrastructureHarness harness, DatabaseProvider provider, bool all)
    {
        var squash = provider == DatabaseProvider.Sqlite ? SquashedMigrationIds.Sqlite : SquashedMigrationIds.MySql;
        await using var db = await harness.CreateDbContextAsync();
        await db.GetService<IMigrator>().MigrateAsync(squash.Initial);
        var history = db.GetService<IHistoryRepository>();
        foreach (var id in await db.Database.GetAppliedMigrationsAsync())
        {
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id));
        }

        foreach (var id in all ? squash.Replaced : squash.Replaced.Take(3))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, "9.0.23")));
        }

        return squash;
    }
}
