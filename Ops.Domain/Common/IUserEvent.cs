namespace Ops.Domain.Common;

/// <summary>An event meant for one user's open pages; the event bus routes it by <see cref="UserId"/>.</summary>
public interface IUserEvent
{
    long UserId { get; }
}
