using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Domain.Notifications;
using System.Text.Json;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Section <c>Approvals:Notices</c>: the channels notices go out on (in-app by default; e-mail, WeCom, … as well
/// when listed). Each kind has a template per channel, created on first use.
/// </summary>
public sealed class ApprovalNoticeOptions
{
    public List<MessageChannel> Channels { get; set; } = [MessageChannel.InApp];
}

/// <summary>
/// What follows an action. Its notices (new task, urged, due, CC, approved, rejected, returned, terminated) are
/// queued as one outbox row in the action's own save, so they are neither lost in a crash nor paid for on the
/// approver's click; the outbox dispatcher then sends them through the notification center (in-app, one template
/// per kind, <c>approval.&lt;kind&gt;</c>, created on first use and editable like any other). After the save, a
/// live <see cref="ApprovalInboxChanged"/> goes to everyone whose inboxes changed.
/// </summary>
internal sealed class ApprovalEffects(IEventBus events, ApprovalNoticeOptions options, ILogger<ApprovalEffects> logger)
{
    public const string TemplatePrefix = "approval.";

    private readonly ConcurrentDictionary<(ApprovalNoticeKind, MessageChannel), bool> _ensured = new();

    /// <summary>Adds the outcome's notices to the unit of work (nothing when there are none).</summary>
    public static void QueueNotices(OpsDbContext db, ApprovalInstance instance, ApprovalOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Notices.Count > 0)
        {
            var payload = JsonSerializer.Serialize(outcome.Notices, ApprovalJson.Options);
            db.ApprovalCallbacks.Add(new ApprovalCallback(instance, CallbackKind.Notice, "notice", payload, now));
        }
    }

    public async Task PublishAsync(ApprovalInstance instance, ApprovalOutcome outcome, long? actorId)
    {
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

    /// <summary>Sends a queued notice row; throws when a send is refused, so the outbox retries (the message keys make a retry send nothing twice).</summary>
    public async Task SendNoticesAsync(IServiceProvider services, ApprovalCallback row, CancellationToken cancellationToken)
    {
        var notices = JsonSerializer.Deserialize<List<ApprovalNotice>>(row.Payload, ApprovalJson.Options) ?? [];
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        var instance = await (from i in db.ApprovalInstances
                              where i.Id == row.InstanceId
                              join u in db.Users on i.ApplicantId equals u.Id into applicants
                              from u in applicants.DefaultIfEmpty()
                              select new { i.Title, i.DefinitionCode, Applicant = u == null ? null : u.RealName ?? u.UserName }).SingleAsync(cancellationToken);
        var variables = new Dictionary<string, string?>
        {
            ["title"] = instance.Title,
            ["applicant"] = instance.Applicant,
            ["definition"] = instance.DefinitionCode,
            ["link"] = ApprovalNoticeRules.Link(row.InstanceId),
        };
        var messages = services.GetRequiredService<IMessageService>();
        foreach (var group in notices.GroupBy(n => n.Kind))
        {
            foreach (var channel in options.Channels.Distinct())
            {
                await EnsureTemplateAsync(services, group.Key, channel, cancellationToken);
                var result = await messages.SendAsync(new SendRequest(
                    Code(group.Key, channel), group.Select(n => n.UserId).Distinct().ToList(), [], variables, "approval",
                    row.InstanceId.ToString(CultureInfo.InvariantCulture), $"approval-{row.DeliveryId}-{group.Key}", NotificationType.Approval)
                {
                    Link = ApprovalNoticeRules.Link(row.InstanceId),
                    Level = ApprovalNoticeRules.Level(group.Key),
                }, cancellationToken);
                if (result.IsFailure)
                {
                    logger.LogWarning("Approval notice {Kind} of {InstanceId} not queued on {Channel}: {Error}", group.Key, row.InstanceId, channel, result.Error);
                    throw new DeliveryException($"Notice {group.Key} refused on {channel}: {result.Error}");
                }
            }
        }
    }

    /// <summary>The template of a notice kind on a channel: <c>approval.task_assigned</c> in-app, <c>approval.task_assigned.email</c> by e-mail, ….</summary>
    public static string Code(ApprovalNoticeKind kind, MessageChannel channel) =>
        channel == MessageChannel.InApp ? Code(kind) : Code(kind) + "." + channel.ToString().ToLowerInvariant();

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

    /// <summary>Creates the kind's template on first use; a concurrent creation by another sender counts as done.</summary>
    private async Task EnsureTemplateAsync(IServiceProvider services, ApprovalNoticeKind kind, MessageChannel channel, CancellationToken cancellationToken)
    {
        if (_ensured.ContainsKey((kind, channel)))
        {
            return;
        }

        var code = Code(kind, channel);
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.MessageTemplates.IgnoreQueryFilters().AnyAsync(t => t.Code == code, cancellationToken))
            {
                _ensured[(kind, channel)] = true;
                return;
            }
        }

        var (subject, content, subjectEn, contentEn) = ApprovalNoticeTexts.For(kind);
        if (channel == MessageChannel.Email)
        {
            (content, contentEn) = ($"<p>{content}</p>", $"<p>{contentEn}</p>");
        }

        string[] names = ["title", "applicant", "definition", "link"];
        var created = await services.GetRequiredService<ITemplateService>().CreateAsync(
            new TemplateInput(code, $"Approval: {kind} ({channel})", channel, subject, content, subjectEn, contentEn,
                names.Select(n => new TemplateParameter(n, null, n)).ToList(), true), cancellationToken);
        if (created.IsSuccess || created.Error?.Kind == Ops.Domain.Common.ErrorKind.Conflict)
        {
            _ensured[(kind, channel)] = true;
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
