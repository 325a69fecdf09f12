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
    public const int MaxExportRows = 50_000;

    private static readonly SortMap<MessageLog> Sorts = new SortMap<MessageLog>(x => x.Id)
        .Add("createdAt", m => m.CreatedAt)
        .Add("status", m => m.Status)
        .Add("recipient", m => m.Recipient)
        .Add("attempts", m => m.Attempts)
        .Default("createdAt", SortDirection.Descending);

    public async Task<PagedResult<MessageLogRow>> QueryAsync(MessageLogFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Logs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = await Filtered(db, filter).ToPagedResultAsync(page, Sorts, cancellationToken);
        var names = await NamesAsync(db, result.Items, cancellationToken);
        return new PagedResult<MessageLogRow>(result.Items.Select(m => ToRow(m, names)).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<byte[]> ExportAsync(MessageLogFilter filter, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Logs.Export, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var logs = await Filtered(db, filter).OrderByDescending(m => m.CreatedAt).Take(MaxExportRows).ToListAsync(cancellationToken);
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var rows = logs.Select(m => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [zh ? "时间" : "Time"] = m.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            [zh ? "渠道" : "Channel"] = m.Channel.ToString(),
            [zh ? "接收人" : "Recipient"] = m.Recipient,
            [zh ? "模板" : "Template"] = m.TemplateCode,
            [zh ? "状态" : "Status"] = m.Status.ToString(),
            [zh ? "尝试次数" : "Attempts"] = m.Attempts,
            [zh ? "错误" : "Error"] = m.LastError,
            [zh ? "业务类型" : "BusinessType"] = m.BusinessType,
            [zh ? "业务 ID" : "BusinessId"] = m.BusinessId,
            [zh ? "发送时间" : "SentAt"] = m.SentAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        });
        await audit.RecordAsync(new AuditEntry("message", "log.export", Detail: $"{logs.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(rows, "MessageLog", cancellationToken);
    }

    private static IQueryable<MessageLog> Filtered(OpsDbContext db, MessageLogFilter filter)
    {
        var query = db.MessageLogs.AsNoTracking();
        query = filter.Channel is { } channel ? query.Where(m => m.Channel == channel) : query;
        query = filter.Status is { } status ? query.Where(m => m.Status == status) : query;
        query = string.IsNullOrWhiteSpace(filter.BusinessType) ? query : query.Where(m => m.BusinessType == filter.BusinessType.Trim());
        query = string.IsNullOrWhiteSpace(filter.BusinessId) ? query : query.Where(m => m.BusinessId == filter.BusinessId.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            // The address, or the name of the user behind it: the log shows names, so a name finds its rows.
            var text = filter.Recipient.Trim();
            var named = db.Users.IgnoreQueryFilters().Where(u => u.UserName!.Contains(text) || (u.RealName != null && u.RealName.Contains(text))).Select(u => (long?)u.Id);
            query = query.Where(m => m.Recipient.Contains(text) || named.Contains(m.UserId));
        }

        query = filter.From is { } from ? query.Where(m => m.CreatedAt >= from) : query;
        return filter.To is { } to ? query.Where(m => m.CreatedAt < to) : query;
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
        return new MessageLogDetail(ToRow(message, await NamesAsync(db, [message], cancellationToken)), message.Content, attempts);
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

    /// <summary>The display names of the users behind a page of messages: one query for the page, not one a row.</summary>
    private static async Task<Dictionary<long, string>> NamesAsync(OpsDbContext db, IEnumerable<MessageLog> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.RealName != null && u.RealName != "" ? u.RealName : u.UserName! })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    private static MessageLogRow ToRow(MessageLog m, IReadOnlyDictionary<long, string> names) => new(m.Id, m.Channel, m.Recipient, m.TemplateCode, m.Subject, m.Status, m.Attempts,
        m.LastError, m.BusinessType, m.BusinessId, m.CreatedAt, m.SentAt, m.NextAttemptAt,
        m.UserId is { } user && names.TryGetValue(user, out var name) ? name : null, m.ResentAfterRestart);
}
