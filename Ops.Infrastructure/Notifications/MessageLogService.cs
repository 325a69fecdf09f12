using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class MessageLogService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit, TimeProvider clock) : IMessageLogService
{
    private static readonly SortMap<MessageLog> Sorts = new SortMap<MessageLog>()
        .Add("createdAt", m => m.CreatedAt)
        .Add("status", m => m.Status)
        .Add("recipient", m => m.Recipient)
        .Add("attempts", m => m.Attempts)
        .Default("createdAt", SortDirection.Descending);

    public async Task<PagedResult<MessageLogRow>> QueryAsync(MessageLogFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Logs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.MessageLogs.AsNoTracking();
        query = filter.Channel is { } channel ? query.Where(m => m.Channel == channel) : query;
        query = filter.Status is { } status ? query.Where(m => m.Status == status) : query;
        query = string.IsNullOrWhiteSpace(filter.BusinessType) ? query : query.Where(m => m.BusinessType == filter.BusinessType.Trim());
        query = string.IsNullOrWhiteSpace(filter.BusinessId) ? query : query.Where(m => m.BusinessId == filter.BusinessId.Trim());
        query = string.IsNullOrWhiteSpace(filter.Recipient) ? query : query.Where(m => m.Recipient.Contains(filter.Recipient.Trim()));
        query = filter.From is { } from ? query.Where(m => m.CreatedAt >= from) : query;
        query = filter.To is { } to ? query.Where(m => m.CreatedAt < to) : query;
        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult<MessageLogRow>(result.Items.Select(ToRow).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<MessageLogDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Logs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.MessageLogs.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Error.NotFound("message.log.not_found");
        }

        var attempts = await db.MessageAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number)
            .Select(a => new AttemptRow(a.Number, a.At, a.Success, a.Error, a.DurationMs)).ToListAsync(cancellationToken);
        return new MessageLogDetail(ToRow(message), message.Content, attempts);
    }

    public async Task<Result> ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        var resent = await ResendAsync([id], cancellationToken);
        return resent.IsSuccess ? Result.Success()
            : resent.Error!.Code == "message.log.not_failed_of" ? Error.Invalid("message.log.not_failed") : resent.Error!;
    }

    public async Task<Result<int>> ResendAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Logs.Resend, cancellationToken);
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return Error.Invalid("common.nothing_selected");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var messages = await db.MessageLogs.Where(m => wanted.Contains(m.Id)).ToListAsync(cancellationToken);
        if (messages.Count != wanted.Count)
        {
            return Error.NotFound("message.log.not_found");
        }

        if (messages.FirstOrDefault(m => m.Status != MessageStatus.Failed) is { } busy)
        {
            return Error.Invalid("message.log.not_failed_of", busy.Recipient);
        }

        var now = clock.GetUtcNow();
        messages.ForEach(m => m.Resend(now));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("message", "log.resend", "message", string.Join(',', wanted.Take(50)), Detail: $"{wanted.Count} message(s)"), cancellationToken);
        return wanted.Count;
    }

    private static MessageLogRow ToRow(MessageLog m) => new(m.Id, m.Channel, m.Recipient, m.TemplateCode, m.Subject, m.Status, m.Attempts,
        m.LastError, m.BusinessType, m.BusinessId, m.CreatedAt, m.SentAt, m.NextAttemptAt);
}
