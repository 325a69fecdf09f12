using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// What follows a saved action: notices through the notification center (in-app, one template per kind,
/// <c>approval.&lt;kind&gt;</c>, created on first use and editable like any other) and a live
/// <see cref="ApprovalInboxChanged"/> for everyone whose inboxes changed. Failures here are logged: the
/// action itself has been saved and stands.
/// </summary>
internal sealed class ApprovalEffects(IServiceScopeFactory scopes, IEventBus events, ILogger<ApprovalEffects> logger)
{
    public const string TemplatePrefix = "approval.";

    private readonly ConcurrentDictionary<ApprovalNoticeKind, bool> _ensured = new();

    public async Task PublishAsync(ApprovalInstance instance, ApprovalOutcome outcome, long? actorId, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyAsync(instance, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Notices of approval {InstanceId} not sent", instance.Id);
        }

        HashSet<long> users = [instance.ApplicantId, .. outcome.Notices.Select(n => n.UserId), .. outcome.CancelledTasks.Select(t => t.AssigneeId)];
        if (actorId is { } actor)
        {
            users.Add(actor);
        }

        foreach (var user in users)
        {
            await events.PublishAsync(new ApprovalInboxChanged(user, instance.Id));
        }
    }

    private async Task NotifyAsync(ApprovalInstance instance, ApprovalOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Notices.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var messages = services.GetRequiredService<IMessageService>();
        var applicant = await ApplicantNameAsync(services, instance.ApplicantId, cancellationToken);
        var variables = new Dictionary<string, string?>
        {
            ["title"] = instance.Title,
            ["applicant"] = applicant,
            ["definition"] = instance.DefinitionCode,
            ["link"] = $"/workflow/instances/{instance.Id.ToString(CultureInfo.InvariantCulture)}",
        };
        foreach (var group in outcome.Notices.GroupBy(n => n.Kind))
        {
            await EnsureTemplateAsync(services, group.Key, cancellationToken);
            var key = string.Create(CultureInfo.InvariantCulture, $"approval-{instance.Id}-{instance.Records.Count}-{group.Key}");
            var result = await messages.SendAsync(new SendRequest(
                Code(group.Key), group.Select(n => n.UserId).Distinct().ToList(), [], variables, "approval",
                instance.Id.ToString(CultureInfo.InvariantCulture), key, NotificationType.Approval), cancellationToken);
            if (result.IsFailure)
            {
                logger.LogWarning("Approval notice {Kind} of {InstanceId} not queued: {Error}", group.Key, instance.Id, result.Error);
            }
        }
    }

    private static async Task<string?> ApplicantNameAsync(IServiceProvider services, long userId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.RealName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
    }

    public static string Code(ApprovalNoticeKind kind) => TemplatePrefix + kind switch
    {
        ApprovalNoticeKind.TaskAssigned => "task_assigned",
        ApprovalNoticeKind.Urged => "urged",
        ApprovalNoticeKind.DueReminder => "due_reminder",
        ApprovalNoticeKind.CarbonCopy => "carbon_copy",
        ApprovalNoticeKind.Approved => "approved",
        ApprovalNoticeKind.Rejected => "rejected",
        ApprovalNoticeKind.Returned => "returned",
        _ => "terminated",
    };

    private async Task EnsureTemplateAsync(IServiceProvider services, ApprovalNoticeKind kind, CancellationToken cancellationToken)
    {
        if (_ensured.ContainsKey(kind))
        {
            return;
        }

        var code = Code(kind);
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.MessageTemplates.IgnoreQueryFilters().AnyAsync(t => t.Code == code, cancellationToken))
            {
                _ensured[kind] = true;
                return;
            }
        }

        var (subject, content, subjectEn, contentEn) = ApprovalNoticeTexts.For(kind);
        string[] names = ["title", "applicant", "definition", "link"];
        var created = await services.GetRequiredService<ITemplateService>().CreateAsync(
            new TemplateInput(code, $"Approval: {kind}", MessageChannel.InApp, subject, content, subjectEn, contentEn,
                names.Select(n => new TemplateParameter(n, null, n)).ToList(), true), cancellationToken);
        if (created.IsSuccess)
        {
            _ensured[kind] = true;
        }
    }
}

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
