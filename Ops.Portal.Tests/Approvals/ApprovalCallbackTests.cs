using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Final states reach the business system: a signed HTTP callback to a real local receiver, and the in-process hook, both through the durable outbox.</summary>
public sealed class ApprovalCallbackTests
{
    private const string Secret = "callback-secret-为了测试";

    [Fact]
    public async Task FinalState_IsPostedSigned_AndAReceiverDownThenUp_GetsItExactlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var set = await f.Definitions(f.Admin, d => d.SetCallbackAsync(f.DefinitionId, new CallbackInput(true, receiver.Url, Secret)));
        Assert.True(set.IsSuccess, set.Error?.ToString());
        Assert.True((await f.Definitions(f.Admin, d => d.GetAsync(f.DefinitionId))).Value.CallbackSecretSet);

        // Pending applications call nobody back; only their notices go out.
        var id = await f.StartAsync(businessType: "purchase.order");
        Assert.Equal(1, await f.DrainAsync());
        Assert.Empty(receiver.Received);

        var task = await f.TaskOfAsync(id, f.LeaderB);
        Assert.True((await f.Actions(f.LeaderB, s => s.RejectAsync(new TaskRef(id, task), "不批", RejectTarget.End))).IsSuccess);

        // Down: two attempts fail and are retried after the backoff.
        receiver.FailNext(2);
        await f.DrainAsync();
        Assert.Equal((CallbackStatus.Pending, 1), await CallbackAsync(f));
        f.Harness.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await f.DrainAsync());
        Assert.Equal((CallbackStatus.Pending, 2), await CallbackAsync(f));
        Assert.Empty(receiver.Received);

        // Up: delivered, once.
        f.Harness.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await f.DrainAsync());
        f.Harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await f.DrainAsync());
        var (body, headers, _) = Assert.Single(receiver.Received);

        var signed = $"{headers["X-Ops-Timestamp"]}.{headers["X-Ops-Delivery"]}.{body}";
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(signed)));
        Assert.Equal(expected, headers["X-Ops-Signature"]);
        Assert.Equal(32, headers["X-Ops-Delivery"].Length);
        var finished = JsonSerializer.Deserialize<ApprovalFinished>(body, ApprovalJson.Options)!;
        Assert.Equal((id, ApprovalStatus.Rejected, "purchase.order"), (finished.InstanceId, finished.Status, finished.BusinessType));
        Assert.Equal(5000m, finished.FormData["amount"].GetDecimal());

        Assert.Equal((CallbackStatus.Delivered, 3), await CallbackAsync(f));
    }

    [Fact]
    public async Task AFailedDelivery_IsListedWithItsError_AndSentAgainOnRequest()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite, configure: null, settings: new Dictionary<string, string?> { ["Approvals:Callbacks:MaxAttempts"] = "1" });
        await using var _ = f.Harness;
        await f.Definitions(f.Admin, d => d.SetCallbackAsync(f.DefinitionId, new CallbackInput(true, url, Secret)));
        var id = await f.StartAsync();
        await f.Actions(f.Admin, s => s.TerminateAsync(id, "测试"));
        await f.DrainAsync();

        var failed = Assert.Single(await f.Definitions(f.Admin, d => d.CallbacksAsync(f.DefinitionId)));
        Assert.Equal((CallbackStatus.Failed, 1, id), (failed.Status, failed.Attempts, failed.InstanceId));
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Definitions(f.Applicant, d => d.RetryCallbackAsync(failed.Id)));

        // Back up on the same address: sent again by hand, delivered once; a delivered one cannot be resent.
        await using var back = await WebhookReceiver.StartAsync(new Uri(url).Port);
        Assert.True((await f.Definitions(f.Admin, d => d.RetryCallbackAsync(failed.Id))).IsSuccess);
        await f.DrainAsync();
        Assert.Single(back.Received);
        Assert.Equal(CallbackStatus.Delivered, Assert.Single(await f.Definitions(f.Admin, d => d.CallbacksAsync(f.DefinitionId))).Status);
        Assert.Equal(ApprovalErrors.CallbackNotFailed, (await f.Definitions(f.Admin, d => d.RetryCallbackAsync(failed.Id))).Error!.Code);
    }

    private static async Task<(CallbackStatus, int)> CallbackAsync(ApprovalFixture f)
    {
        await using var db = await f.Harness.CreateDbContextAsync();
        var row = await db.ApprovalCallbacks.SingleAsync(c => c.Kind == CallbackKind.Http);
        return (row.Status, row.Attempts);
    }

    [Fact]
    public async Task TheHookOfTheBusinessType_IsCalledOnTheFinalState_AndRetriedWhenItThrows()
    {
        var hook = new RecordingHook();
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite, services => services.AddSingleton<IApprovalHook>(hook));
        await using var _ = f.Harness;
        var id = await f.StartAsync(businessType: RecordingHook.Type);
        var other = await f.StartAsync(businessType: "someone.else");
        await f.Actions(f.Admin, s => s.TerminateAsync(other, "不需要了"));
        foreach (var approver in new[] { f.LeaderA, f.LeaderB, f.FinanceA })
        {
            await f.ApproveAsync(id, approver);
        }

        hook.FailNext = true;
        await f.DrainAsync();
        Assert.Empty(hook.Calls);
        f.Harness.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await f.DrainAsync());

        var call = Assert.Single(hook.Calls);
        Assert.Equal((id, ApprovalStatus.Approved), (call.InstanceId, call.Status));
    }

    private sealed class RecordingHook : IApprovalHook
    {
        public const string Type = "config.change";

        public string BusinessType => Type;

        public bool FailNext { get; set; }

        public List<ApprovalFinished> Calls { get; } = [];

        public Task OnFinishedAsync(ApprovalFinished finished, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("config store is down");
            }

            Calls.Add(finished);
            return Task.CompletedTask;
        }
    }
}
