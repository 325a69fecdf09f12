using Ops.Domain.Approvals;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>What <see cref="ApprovalActionDialog"/> collected; only the parts the action asked for are meaningful.</summary>
public sealed record ActionInput(string? Comment, long UserId, RejectTarget Target, AddPosition Position, IReadOnlyList<string> Attachments);
