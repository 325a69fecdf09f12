using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals;

/// <summary>The default wording of each notice (Chinese and English); administrators edit the templates afterwards.</summary>
internal static class ApprovalNoticeTexts
{
    public static (string Subject, string Content, string SubjectEn, string ContentEn) For(ApprovalNoticeKind kind) => kind switch
    {
        ApprovalNoticeKind.TaskAssigned => ("待审批：${title}", "${applicant} 提交的“${title}”等待您审批。", "To approve: ${title}", "${applicant}'s application \"${title}\" awaits your decision."),
        ApprovalNoticeKind.Urged => ("催办：${title}", "${applicant} 催您审批“${title}”。", "Reminder: ${title}", "${applicant} asks you to decide on \"${title}\"."),
        ApprovalNoticeKind.DueReminder => ("审批已到期：${title}", "“${title}”的审批已到期，请尽快处理。", "Approval due: ${title}", "Your decision on \"${title}\" is due."),
        ApprovalNoticeKind.CarbonCopy => ("抄送：${title}", "${applicant} 的申请“${title}”抄送给您。", "CC: ${title}", "${applicant}'s application \"${title}\" was copied to you."),
        ApprovalNoticeKind.Approved => ("已通过：${title}", "您的申请“${title}”已通过。", "Approved: ${title}", "Your application \"${title}\" was approved."),
        ApprovalNoticeKind.Rejected => ("已驳回：${title}", "您的申请“${title}”被驳回。", "Rejected: ${title}", "Your application \"${title}\" was rejected."),
        ApprovalNoticeKind.Returned => ("已退回：${title}", "您的申请“${title}”被退回，可修改后重新提交。", "Returned: ${title}", "Your application \"${title}\" was returned to you; edit and resubmit it."),
        _ => ("已终止：${title}", "您的申请“${title}”已被管理员终止。", "Terminated: ${title}", "Your application \"${title}\" was terminated by an administrator."),
    };
}
