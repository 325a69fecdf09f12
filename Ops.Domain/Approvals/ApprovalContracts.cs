namespace Ops.Domain.Approvals;

/// <summary>
/// Turns assignee rules into user ids. Synchronous so the engine stays pure: the implementation
/// answers from the organisation data it loaded (or cached) beforehand. Return users in a stable
/// order (e.g. by id): single mode takes the first, sequential mode follows the order.
/// </summary>
public interface IAssigneeResolver
{
    IReadOnlyList<long> RoleMembers(long roleId);

    IReadOnlyList<long> DepartmentLeaders(long departmentId);

    /// <summary>The leaders of the applicant's department, <paramref name="levelsUp"/> 1 = own department, 2 = its parent, ….</summary>
    IReadOnlyList<long> ApplicantLeaders(long applicantId, int levelsUp);

    /// <summary>Whether the user may get a task or a copy at all (exists and may sign in); named users and choices are checked here.</summary>
    bool CanDecide(long userId) => true;
}

/// <summary>Out-of-office delegation: the user who takes new tasks of <paramref name="userId"/> at <paramref name="now"/>, or null.</summary>
public interface IDelegationLookup
{
    long? DelegateFor(long userId, DateTimeOffset now);
}

/// <summary>The outside knowledge an action may need when it creates tasks.</summary>
public sealed record ApprovalContext(IAssigneeResolver Assignees, IDelegationLookup Delegations)
{
    public ApprovalContext(IAssigneeResolver assignees) : this(assignees, NoDelegation.Instance)
    {
    }

    private sealed class NoDelegation : IDelegationLookup
    {
        public static readonly NoDelegation Instance = new();

        public long? DelegateFor(long userId, DateTimeOffset now) => null;
    }
}

/// <summary>What an applicant fills in to start an application.</summary>
public sealed record ApprovalApplication(
    string Title,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement> FormData,
    ApprovalUrgency Urgency = ApprovalUrgency.Normal,
    string? BusinessType = null,
    string? BusinessId = null);

/// <summary>One problem of a designed process or form, naming the node or field keys it is about so the designer can mark them.</summary>
public sealed record ApprovalProblem(string Code, IReadOnlyList<string> Keys, params object[] Args);
