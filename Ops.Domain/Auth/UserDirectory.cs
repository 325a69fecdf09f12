namespace Ops.Domain.Auth;

/// <summary>A user as pickers show it.</summary>
public sealed record UserOption(long Id, string UserName, string DisplayName, string? DepartmentName)
{
    public override string ToString() => DisplayName == UserName ? UserName : $"{DisplayName} ({UserName})";
}

/// <summary>Looks users up for pickers (leaders, assignees, recipients).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserOption>> SearchAsync(string? text, int max = 20, CancellationToken cancellationToken = default);

    /// <summary>The named users (at most 100), to show a saved selection.</summary>
    Task<IReadOnlyList<UserOption>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}
