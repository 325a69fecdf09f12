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
        var refusals = await SendNoticesAsync(services, [row], cancellationToken);
        if (refusals.GetValueOrDefault(row.DeliveryId) is { } refusal)
        {
            throw new DeliveryException(refusal);
        }
    }

    /// <summary>
    /// Sends the notices of many queued rows in one call of the message center (instances, templates, users and
    /// suppressions looked up once for all). Returns, per notice row by delivery id, null when all its notices were
    /// queued, or why one was refused (that row alone is to be retried; the message keys make a retry send nothing
    /// twice). Rows of other kinds are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> SendNoticesAsync(IServiceProvider services, IReadOnlyList<ApprovalCallback> rows, CancellationToken cancellationToken)
    {
        var notices = rows.Where(r => r.Kind == CallbackKind.Notice)
            .Select(r => (Row: r, Notices: JsonSerializer.Deserialize<List<ApprovalNotice>>(r.Payload, ApprovalJson.Options) ?? [])).ToList();
        var refusals = notices.ToDictionary(n => n.Row.DeliveryId, _ => (string?)null, StringComparer.Ordinal);
        var instances = await ApprovalNoticeSubjects.LoadAsync(services, notices.Select(n => n.Row.InstanceId).ToList(), cancellationToken);
        var sends = new List<(ApprovalCallback Row, ApprovalNoticeKind Kind, MessageChannel Channel, SendRequest Request)>();
        foreach (var (row, list) in notices)
        {
            if (!instances.TryGetValue(row.InstanceId, out var variables))
            {
                refusals[row.DeliveryId] = $"Approval instance {row.InstanceId} not found";
                continue;
            }

            foreach (var group in list.GroupBy(n => n.Kind))
            {
                foreach (var channel in options.Channels.Distinct())
                {
                    await EnsureTemplateAsync(services, group.Key, channel, cancellationToken);
                    sends.Add((row, group.Key, channel, new SendRequest(
                        Code(group.Key, channel), group.Select(n => n.UserId).Distinct().ToList(), [], variables, "approval",
                        row.InstanceId.ToString(CultureInfo.InvariantCulture), $"approval-{row.DeliveryId}-{group.Key}", NotificationType.Approval)
                    {
                        Link = ApprovalNoticeRules.Link(row.InstanceId),
                        Level = ApprovalNoticeRules.Level(group.Key),
                    }));
                }
            }
        }

        var results = sends.Count == 0 ? [] : await services.GetRequiredService<IMessageService>().SendManyAsync(sends.Select(s => s.Request).ToList(), cancellationToken);
        foreach (var ((row, kind, channel, _), result) in sends.Zip(results))
        {
            if (result.IsFailure)
            {
                logger.LogWarning("Approval notice {Kind} of {InstanceId} not queued on {Channel}: {Error}", kind, row.InstanceId, channel, result.Error);
                refusals[row.DeliveryId] ??= $"Notice {kind} refused on {channel}: {result.Error}";
            }
        }

        return refusals;
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
