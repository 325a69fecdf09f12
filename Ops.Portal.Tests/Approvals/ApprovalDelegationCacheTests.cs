using Microsoft.Extensions.Time.Testing;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>
/// The delegations in force are read from a short-lived snapshot: a change made through this portal applies at
/// once, one made by another node (straight in the database) once the snapshot's lifetime is over.
/// </summary>
public sealed class ApprovalDelegationCacheTests
{
    [Fact]
    public async Task AnotherNodesDelegation_AppliesAfterTheLifetime_AndAnInvalidatedSnapshotIsReadAgainAtOnce()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var (away, standIn) = (f.LeaderA.UserId!.Value, f.LeaderB.UserId!.Value);
        var now = f.Harness.Clock.GetUtcNow();
        var clock = new FakeTimeProvider(now);
        var cache = new ApprovalDelegationCache(clock, TimeSpan.FromSeconds(5));
        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Empty(await cache.InForceAsync(db, now, CancellationToken.None));

        // Written by "another node": this one's snapshot does not know it yet.
        var delegation = ApprovalDelegation.Create(away, standIn, now.AddHours(-1), now.AddDays(1), "出差", now).Value;
        db.ApprovalDelegations.Add(delegation);
        await db.SaveChangesAsync();
        Assert.Empty(await cache.InForceAsync(db, now, CancellationToken.None));

        clock.Advance(cache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await cache.InForceAsync(db, now, CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal([(away, standIn)], await cache.InForceAsync(db, now, CancellationToken.None));

        // Out of its period it does not apply, without another read; cancelled and invalidated, it is gone at once.
        Assert.Empty(await cache.InForceAsync(db, now.AddDays(2), CancellationToken.None));
        delegation.Cancel(now);
        await db.SaveChangesAsync();
        cache.Invalidate();
        Assert.Empty(await cache.InForceAsync(db, now, CancellationToken.None));
    }

    [Fact]
    public async Task ADelegationMadeThroughThePortal_SendsTheNextTaskToTheDelegate_Immediately()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;

        // The snapshot is loaded (empty) by a first application, then a delegation is set through the service.
        await f.StartAsync();
        var now = f.Harness.Clock.GetUtcNow();
        var created = await f.AsAsync(f.LeaderA, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(f.Outsider.UserId!.Value, now.AddHours(-1), now.AddDays(1), "休假")));
        Assert.True(created.IsSuccess);

        var id = await f.StartAsync();
        await f.ApproveAsync(id, f.Outsider);
        var record = (await f.DetailAsync(id)).Timeline.Single(t => t.ActorId == f.Outsider.UserId);
        Assert.Equal(f.LeaderA.UserId, record.OnBehalfOfId);
    }
}
