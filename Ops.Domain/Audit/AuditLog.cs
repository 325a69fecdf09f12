using Ops.Domain.Common;

namespace Ops.Domain.Audit;

public enum AuditResult
{
    Success,
    Failure,
    Denied,
}

/// <summary>One operation done by someone: who, what, on which resource, with what result.</summary>
public sealed class AuditLog : Entity
{
    public const int ShortText = 64;
    public const int MediumText = 256;
    public const int LongText = 2000;

    private AuditLog()
    {
    }

    public AuditLog(DateTimeOffset time, Actor actor, AuditEntry entry, RequestOrigin? origin, string? traceId)
    {
        Time = time;
        UserId = actor.UserId;
        UserName = Clip(actor.Name, ShortText);
        Module = Clip(entry.Module, ShortText);
        Action = Clip(entry.Action, ShortText);
        ResourceType = ClipOrNull(entry.ResourceType, ShortText);
        ResourceId = ClipOrNull(entry.ResourceId, ShortText);
        Result = entry.Result;
        Detail = ClipOrNull(entry.Detail, LongText);
        IpAddress = ClipOrNull(origin?.IpAddress, ShortText);
        UserAgent = ClipOrNull(origin?.UserAgent, MediumText);
        RequestPath = ClipOrNull(origin?.Path, MediumText);
        RequestMethod = ClipOrNull(origin?.Method, 16);
        TraceId = ClipOrNull(traceId, ShortText);
    }

    public DateTimeOffset Time { get; private set; }

    public long? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string Module { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string? ResourceType { get; private set; }

    public string? ResourceId { get; private set; }

    public AuditResult Result { get; private set; }

    public string? Detail { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? RequestPath { get; private set; }

    public string? RequestMethod { get; private set; }

    public string? TraceId { get; private set; }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    private static string? ClipOrNull(string? value, int max) => value is null ? null : Clip(value, max);
}

/// <summary>What a service reports to the audit trail.</summary>
public sealed record AuditEntry(
    string Module,
    string Action,
    string? ResourceType = null,
    string? ResourceId = null,
    AuditResult Result = AuditResult.Success,
    string? Detail = null);

/// <summary>Where a request came from, when known (HTTP request or the circuit's first request).</summary>
public sealed record RequestOrigin(string? IpAddress, string? UserAgent, string? Path = null, string? Method = null);

/// <summary>Writes operation records; services call it for every operation.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
