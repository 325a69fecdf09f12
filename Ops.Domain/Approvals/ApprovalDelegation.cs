using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// Out of office: from <see cref="Start"/> to <see cref="End"/>, tasks that become <see cref="UserId"/>'s go to
/// <see cref="DelegateId"/>, who acts on their behalf (records say so). Cancelling ends it at once.
/// </summary>
public sealed class ApprovalDelegation : Entity
{
    public const int ReasonMaxLength = 200;

    /// <summary>The longest period one delegation may cover.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    private ApprovalDelegation()
    {
    }

    public long UserId { get; private set; }

    public long DelegateId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => CancelledAt is null && Start <= now && now < End;

    public static Result<ApprovalDelegation> Create(long userId, long delegateId, DateTimeOffset start, DateTimeOffset end, string? reason, DateTimeOffset now)
    {
        if (delegateId == userId)
        {
            return Error.Invalid(ApprovalErrors.DelegationSelf);
        }

        if (end <= start || end <= now || end - start > MaxPeriod)
        {
            return Error.Invalid(ApprovalErrors.DelegationPeriod, (int)MaxPeriod.TotalDays);
        }

        var text = TextRules.Optional(reason, ReasonMaxLength, "field.reason");
        if (text.IsFailure)
        {
            return text.Error!;
        }

        return new ApprovalDelegation { UserId = userId, DelegateId = delegateId, Start = start, End = end, Reason = text.Value, CreatedAt = now };
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;
}
