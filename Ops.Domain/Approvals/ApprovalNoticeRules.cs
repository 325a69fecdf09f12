using System.Globalization;
using Ops.Domain.Notifications;

namespace Ops.Domain.Approvals;

/// <summary>How an approval notice shows in-app: where it leads and how it is marked.</summary>
public static class ApprovalNoticeRules
{
    /// <summary>
    /// To-dos and copies are information; an approval is good news; a rejection, a return, a termination or a
    /// decision falling due asks the reader to act, so it is a warning.
    /// </summary>
    public static NotificationLevel Level(ApprovalNoticeKind kind) => kind switch
    {
        ApprovalNoticeKind.Approved => NotificationLevel.Success,
        ApprovalNoticeKind.Rejected or ApprovalNoticeKind.Returned or ApprovalNoticeKind.Terminated or ApprovalNoticeKind.DueReminder => NotificationLevel.Warning,
        _ => NotificationLevel.Info,
    };

    /// <summary>The application's page, where every notice about it leads.</summary>
    public static string Link(long instanceId) => "/workflow/instances/" + instanceId.ToString(CultureInfo.InvariantCulture);
}
