using System.Diagnostics;
using Ops.Domain.Audit;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Persistence;

/// <summary>The persistence rules, on SQLite and on MariaDB.</summary>
public sealed class PersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly Actor Alice = new(41, "alice", true, false);
    private static readonly Actor Bob = new(42, "bob", true, false);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_ApplyFromEmpty(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider, migrate: false);
        await using (var empty = await harness.CreateDbContextAsync())
        {
            Assert.NotEmpty(await empty.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }

        await Ops.Infrastructure.OpsStartup.MigrateAsync(harness.Services, TestContext.Current.CancellationToken);

        await using var db = await harness.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PermissionCatalog.All.Count, await db.Permissions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Departments.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditFields_AreFilledFromActorAndClock(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Alice;
        var created = harness.Clock.Now;
        var id = await AddDepartmentAsync(harness, "IT", "IT");

        harness.CurrentUser.Actor = Bob;
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var db = await harness.CreateDbContextAsync())
        {
            (await db.Departments.SingleAsync(d => d.Id == id)).Rename("Information Technology");
            await db.SaveChangesAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        var department = await check.Departments.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(created, department.CreatedAt);
        Assert.Equal(Alice.UserId, department.CreatedBy);
        Assert.Equal(created.AddMinutes(5), department.UpdatedAt);
        Assert.Equal(Bob.UserId, department.UpdatedBy);
        Assert.Equal(1, department.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SoftDelete_HidesRows_ButKeepsThem(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "Finance", "FIN");
        await AddDepartmentAsync(harness, "Sales", "SALES");

        await using (var db = await harness.CreateDbContextAsync())
        {
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Id == id));
            await db.SaveChangesAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal(["SALES"], await check.Departments.Select(d => d.Code).ToListAsync());
        var hidden = await check.Departments.IgnoreQueryFilters().SingleAsync(d => d.Id == id);
        Assert.True(hidden.IsDeleted);
        Assert.Equal(harness.Clock.Now, hidden.DeletedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OptedInEntity_WritesExactlyOneChangeLogRowPerChange(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Alice;
        using var activity = new Activity("test").Start();
        var id = await AddDepartmentAsync(harness, "Operations", "OPS");

        await using (var db = await harness.CreateDbContextAsync())
        {
            var department = await db.Departments.SingleAsync(d => d.Id == id);
            department.Rename("IT Operations");
            department.SetSortOrder(3);
            await db.SaveChangesAsync();
            db.Departments.Remove(department);
            await db.SaveChangesAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        var logs = await check.DataChangeLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([DataChangeAction.Insert, DataChangeAction.Update, DataChangeAction.Delete], logs.Select(l => l.Action));
        Assert.All(logs, l =>
        {
            Assert.Equal("t_department", l.TableName);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.RecordId);
            Assert.Equal(Alice.UserId, l.OperatorId);
            Assert.Equal("alice", l.OperatorName);
            Assert.Equal(activity.TraceId.ToString(), l.TraceId);
        });
        Assert.Null(logs[0].OldData);
        Assert.Contains("\"Operations\"", logs[0].NewData, StringComparison.Ordinal);
        Assert.Equal("Name,SortOrder", logs[1].ChangedFields);
        Assert.Contains("\"Operations\"", logs[1].OldData, StringComparison.Ordinal);
        Assert.Contains("\"IT Operations\"", logs[1].NewData, StringComparison.Ordinal);
        Assert.Null(logs[2].NewData);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedSave_RollsBackTheChangeAndItsLog(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "HR", "HR");
        await using (var db = await harness.CreateDbContextAsync())
        {
            (await db.Departments.SingleAsync(d => d.Id == id)).Rename("People");
            db.Departments.Add(new Department("Duplicate", "HR"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal("HR", (await check.Departments.SingleAsync(d => d.Id == id)).Name);
        Assert.Equal(1, await check.DataChangeLogs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RolledBackTransaction_LeavesNoChangeLog(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        await using (var db = await harness.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Departments.Add(new Department("Legal", "LEGAL"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal(0, await check.Departments.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await check.DataChangeLogs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentEdit_SecondWriterFailsCleanly(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "Audit", "AUD");
        await using var first = await harness.CreateDbContextAsync();
        await using var second = await harness.CreateDbContextAsync();
        var mine = await first.Departments.SingleAsync(d => d.Id == id);
        var theirs = await second.Departments.SingleAsync(d => d.Id == id);

        mine.Rename("Internal Audit");
        await first.SaveChangesAsync();
        theirs.Rename("External Audit");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal("Internal Audit", (await check.Departments.SingleAsync(d => d.Id == id)).Name);
        Assert.Equal(2, await check.DataChangeLogs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConflictThenRetry_InTheSameContext_LogsOnlyWhatWasSaved(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "Audit", "AUD");
        await using (var other = await harness.CreateDbContextAsync())
        {
            (await other.Departments.SingleAsync(d => d.Id == id)).Rename("Changed elsewhere");
            await other.SaveChangesAsync();
        }

        await using (var db = await harness.CreateDbContextAsync())
        {
            var stale = await db.Departments.SingleAsync(d => d.Id == id);
            db.Entry(stale).Property(d => d.Version).OriginalValue = 0;
            stale.Rename("Mine");
            db.Departments.Add(new Department("Ghost", "GHOST"));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

            await db.Entry(stale).ReloadAsync();
            stale.Rename("Mine, again");
            db.ChangeTracker.Entries<Department>().Where(e => e.State == EntityState.Added).ToList().ForEach(e => e.State = EntityState.Detached);
            await db.SaveChangesAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        var logs = await check.DataChangeLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([DataChangeAction.Insert, DataChangeAction.Update, DataChangeAction.Update], logs.Select(l => l.Action));
        Assert.Contains("\"Changed elsewhere\"", logs[2].OldData, StringComparison.Ordinal);
        Assert.DoesNotContain(logs, l => l.NewData?.Contains("GHOST", StringComparison.Ordinal) == true);
        Assert.False(await check.Departments.IgnoreQueryFilters().AnyAsync(d => d.Code == "GHOST"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InsertLog_CarriesTheRealId(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "Security", "SEC");

        await using var check = await harness.CreateDbContextAsync();
        var log = await check.DataChangeLogs.SingleAsync();
        Assert.Contains($"\"Id\":{id}", log.NewData, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SoftDeletingAStub_KeepsTheOtherColumns(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var id = await AddDepartmentAsync(harness, "Facilities", "FAC");
        await using (var db = await harness.CreateDbContextAsync())
        {
            var stub = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == id);
            db.Departments.Remove(stub);
            await db.SaveChangesAsync();
        }

        await using var check = await harness.CreateDbContextAsync();
        var row = await check.Departments.IgnoreQueryFilters().SingleAsync(d => d.Id == id);
        Assert.True(row.IsDeleted);
        Assert.Equal(("Facilities", "FAC"), (row.Name, row.Code));
        Assert.Equal(harness.Clock.Now, row.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DepartmentTree_RefusesCycles(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        await using var db = await harness.CreateDbContextAsync();
        var root = new Department("Root", "R");
        var child = new Department("Child", "C");
        db.Departments.AddRange(root, child);
        await db.SaveChangesAsync();
        root.PlaceUnder(null);
        child.PlaceUnder(root);
        await db.SaveChangesAsync();

        Assert.Equal($"/{root.Id}/{child.Id}/", child.Path);
        var error = Assert.Throws<DomainException>(() => root.PlaceUnder(child));
        Assert.Equal("auth.department.cycle", error.Code);
    }

    private static async Task<long> AddDepartmentAsync(InfrastructureHarness harness, string name, string code)
    {
        await using var db = await harness.CreateDbContextAsync();
        var department = new Department(name, code);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }
}
