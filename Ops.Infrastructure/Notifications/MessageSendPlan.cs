using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>A send checked and ready to write: its template, its recipients, and its text in both languages.</summary>
internal sealed record MessageSendPlan(SendRequest Request, string TemplateCode, MessageChannel Channel, IReadOnlyList<MessageTarget> Targets, RenderedMessage Chinese, RenderedMessage English)
{
    /// <summary>
    /// Checks every request as a send on its own would, each template looked up once and all recipients resolved
    /// together; a refusal is that request's result, the others go on.
    /// </summary>
    public static async Task<IReadOnlyList<Result<MessageSendPlan>>> CheckAsync(OpsDbContext db, IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken)
    {
        var codes = requests.Select(r => r.TemplateCode).Distinct(StringComparer.Ordinal).ToList();
        var templates = (await db.MessageTemplates.AsNoTracking().Where(t => codes.Contains(t.Code)).ToListAsync(cancellationToken))
            .Where(t => t.Enabled).ToDictionary(t => t.Code, StringComparer.Ordinal);
        var usable = requests.Select(r => Usable(r, templates)).ToList();
        var addressed = usable.Where(u => u.IsSuccess).Select(u => (u.Value.Channel, u.Value.Request)).ToList();
        var targets = new Queue<IReadOnlyList<MessageTarget>>(await MessageRecipients.ResolveAsync(db, addressed, cancellationToken));
        return usable.Select(u => u.IsSuccess ? Plan(u.Value.Request, u.Value.Template, targets.Dequeue()) : u.Error!).ToList();
    }

    private static Result<(SendRequest Request, MessageTemplate Template, MessageChannel Channel)> Usable(SendRequest request, Dictionary<string, MessageTemplate> templates)
    {
        if (!templates.TryGetValue(request.TemplateCode, out var template))
        {
            return Error.NotFound("message.template.not_found");
        }

        if (request.Link is { } link && !Notification.IsLink(link))
        {
            return Error.Invalid("message.notification.link_invalid");
        }

        return (request, template, template.Channel);
    }

    private static Result<MessageSendPlan> Plan(SendRequest request, MessageTemplate template, IReadOnlyList<MessageTarget> targets)
    {
        if (targets.Count == 0)
        {
            return Error.Invalid("message.send.no_recipients");
        }

        if (targets.Count > MessageService.MaxRecipients)
        {
            return Error.Invalid("message.notification.recipients", MessageService.MaxRecipients);
        }

        // Two renderings at most (zh-CN and en-US), checked before anything is written.
        var input = TemplateService.ToInput(template);
        var chinese = TemplateRules.Render(input, request.Variables, english: false);
        var english = TemplateRules.Render(input, request.Variables, english: true);
        if (chinese.IsFailure || english.IsFailure)
        {
            return chinese.Error ?? english.Error!;
        }

        return new MessageSendPlan(request, template.Code, template.Channel, targets, chinese.Value, english.Value);
    }

    /// <summary>The log rows of the targets not yet queued under the request's key; <paramref name="queued"/> learns them.</summary>
    public List<MessageLog> Messages(SendSuppression suppression, HashSet<(string Key, MessageChannel Channel, string Recipient)> queued, DateTimeOffset now)
    {
        var key = Request.IdempotencyKey;
        return Targets.Where(t => key is null || queued.Add((key, Channel, t.Address))).Select(t =>
        {
            var rendered = t.English ? English : Chinese;
            var message = new MessageLog(Channel, t.Address, t.UserId, TemplateCode, rendered.Subject, rendered.Content,
                Request.BusinessType, Request.BusinessId, key, now, Request.Type);
            message.Leads(Request.Link, Request.Level);
            if (suppression.ReasonFor(Channel, Request.Type, t) is { } reason)
            {
                // Suppressed sends are logged, not silently dropped: the log says why nothing went out.
                message.Block(reason);
            }

            return message;
        }).ToList();
    }
}
