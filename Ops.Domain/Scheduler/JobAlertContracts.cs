using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

public sealed record JobAlertRow(
    long Id,
    long JobId,
    string JobName,
    long LogId,
    JobAlertType Type,
    string Title,
    string Content,
    string Channels,
    JobAlertStatus Status,
    DateTimeOffset CreatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Comment,
    DateTimeOffset? ResolvedAt);

public sealed record JobAlertFilter(JobAlertStatus? Status = null, JobAlertType? Type = null, long? JobId = null);

public interface IJobAlertService
{
    Task<PagedResult<JobAlertRow>> ListAsync(JobAlertFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result> AcknowledgeAsync(long id, string? comment, CancellationToken cancellationToken = default);

    Task<Result> ResolveAsync(long id, string? comment, CancellationToken cancellationToken = default);
}
