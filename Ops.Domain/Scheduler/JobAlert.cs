using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

public enum JobAlertType
{
    Failure,
    Timeout,
    Threshold,
}

public enum JobAlertStatus
{
    Pending,
    Sent,
    Acknowledged,
    Resolved,
}

/// <summary>An alert raised by a run (seed t_job_alert): sent through the notification center, then acknowledged and resolved by people.</summary>
public sealed class JobAlert : Entity
{
    public const int TitleMaxLength = 200;
    public const int ContentMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    private JobAlert()
    {
    }

    public JobAlert(long jobId, long logId, JobAlertType type, string title, string content, string channels, DateTimeOffset now)
    {
        JobId = jobId;
        LogId = logId;
        Type = type;
        Title = title.Length <= TitleMaxLength ? title : title[..TitleMaxLength];
        Content = content.Length <= ContentMaxLength ? content : content[..ContentMaxLength];
        Channels = channels;
        CreatedAt = now;
    }

    public long JobId { get; private set; }

    public long LogId { get; private set; }

    public JobAlertType Type { get; private set; }

    public string Title { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string Channels { get; private set; } = "";

    public JobAlertStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public long? ResolvedBy { get; private set; }

    public void MarkSent()
    {
        if (Status == JobAlertStatus.Pending)
        {
            Status = JobAlertStatus.Sent;
        }
    }

    public void Acknowledge(long by, string? comment, DateTimeOffset now)
    {
        if (Status is JobAlertStatus.Acknowledged or JobAlertStatus.Resolved)
        {
            throw new DomainException("scheduler.alert.already_handled");
        }

        (Status, AcknowledgedBy, AcknowledgedAt, Comment) = (JobAlertStatus.Acknowledged, by, now, comment);
    }

    public void Resolve(long by, string? comment, DateTimeOffset now)
    {
        if (Status == JobAlertStatus.Resolved)
        {
            throw new DomainException("scheduler.alert.already_handled");
        }

        (Status, ResolvedBy, ResolvedAt) = (JobAlertStatus.Resolved, by, now);
        Comment = string.IsNullOrWhiteSpace(comment) ? Comment : comment;
    }
}
