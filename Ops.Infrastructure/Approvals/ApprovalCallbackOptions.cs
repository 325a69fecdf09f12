using Ops.Domain.Common;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Infrastructure.Approvals;

/// <summary>Section <c>Approvals:Callbacks</c>: polling, lease and retry of the approval outbox (notices, callbacks, hooks).</summary>
public sealed class ApprovalCallbackOptions : OutboxSettings
{
    public ApprovalCallbackOptions()
    {
        MaxAttempts = 8;
        MaxDelay = TimeSpan.FromHours(1);
        Timeout = TimeSpan.FromSeconds(15);

        // A batch's notices go to the message center in one call: the bigger the batch, the fewer calls a burst takes.
        BatchSize = 200;
    }

    /// <summary>Notices keep trying for about two days (hourly after the backoff grows): they have no page to resend them from.</summary>
    public RetryPolicy NoticeRetry => new(Math.Max(MaxAttempts, 56), BaseDelay, MaxDelay);
}
