using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Portal.Tests.Persistence;

public sealed class VersionedSaveTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveVersioned_StaleOrRacedVersion_IsAConflict_AndTheCurrentVersionSaves(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        long id;
        await using (var db = await harness.CreateDbContextAsync())
        {
            var created = new Department("Ops", "ops-vs");
            db.Departments.Add(created);
            await db.SaveChangesAsync();
            id = created.Id;
        }

        // Two editors load version 0; the first saves, the second's save loses the race at the database.
        await using var first = await harness.CreateDbContextAsync();
        await using var second = await harness.CreateDbContextAsync();
        var mine = await first.Departments.AsTracking().SingleAsync(d => d.Id == id);
        var theirs = await second.Departments.AsTracking().SingleAsync(d => d.Id == id);
        mine.Rename("Ops 1");
        theirs.Rename("Ops 2");

        Assert.True((await first.SaveVersionedAsync(mine, d => d.Version, 0, "department", CancellationToken.None)).IsSuccess);
        var raced = await second.SaveVersionedAsync(theirs, d => d.Version, 0, "department", CancellationToken.None);
        Assert.Equal(("common.concurrency_conflict", ErrorKind.Conflict, "department"), (raced.Error!.Code, raced.Error.Kind, (string)raced.Error.Args[0]));

        // An editor that read version 0 is refused before anything is sent, even on a freshly loaded row.
        await using var third = await harness.CreateDbContextAsync();
        var fresh = await third.Departments.AsTracking().SingleAsync(d => d.Id == id);
        fresh.Rename("Ops 3");
        Assert.Equal("common.concurrency_conflict", (await third.SaveVersionedAsync(fresh, d => d.Version, 0, "department", CancellationToken.None)).Error!.Code);
        Assert.True((await third.SaveVersionedAsync(fresh, d => d.Version, 1, "department", CancellationToken.None)).IsSuccess);

        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal(("Ops 3", 2), await check.Departments.Where(d => d.Id == id).Select(d => ValueTuple.Create(d.Name, d.Version)).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveVersioned_UniqueIndexRefusal_IsTheCallersDuplicateError(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        await using var db = await harness.CreateDbContextAsync();
        db.Departments.AddRange(new Department("A", "dup-a"), new Department("B", "dup-b"));
        await db.SaveChangesAsync();
        var b = await db.Departments.AsTracking().SingleAsync(d => d.Code == "dup-b");
        b.SetCode("dup-a");

        var saved = await db.SaveVersionedAsync(b, d => d.Version, 0, "department", CancellationToken.None, Error.Conflict("auth.department.code_taken", "dup-a"));

        Assert.Equal("auth.department.code_taken", saved.Error!.Code);
    }
}
