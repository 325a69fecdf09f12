using System.Text.Json.Serialization;

namespace Ops.Domain.Approvals;

/// <summary>
/// The drawn process of a definition version: nodes, edges and (for the designer only) their layout.
/// A value object: stored as JSON (see <see cref="ApprovalJson"/>), never changed once published.
/// </summary>
public sealed record ApprovalProcess(
    IReadOnlyList<ProcessNode> Nodes,
    IReadOnlyList<ProcessEdge> Edges,
    IReadOnlyDictionary<string, NodePosition>? Layout = null)
{
    public static readonly ApprovalProcess Empty = new([], []);
}

public sealed record NodePosition(double X, double Y);

/// <summary>
/// A transition. Out of a <see cref="ConditionNode"/> every edge carries conditions (ANDed) except
/// exactly one default edge; edges are tried in the order listed and the first that holds wins.
/// Every other node has exactly one plain outgoing edge (no parallel split).
/// </summary>
public sealed record ProcessEdge(string From, string To, IReadOnlyList<FieldCondition>? Conditions = null, bool IsDefault = false);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartNode), "start")]
[JsonDerivedType(typeof(EndNode), "end")]
[JsonDerivedType(typeof(ApprovalNode), "approval")]
[JsonDerivedType(typeof(CcNode), "cc")]
[JsonDerivedType(typeof(ConditionNode), "condition")]
public abstract record ProcessNode(string Key, string Name);

public sealed record StartNode(string Key, string Name = "") : ProcessNode(Key, Name);

public sealed record EndNode(string Key, string Name = "") : ProcessNode(Key, Name);

/// <summary>An exclusive choice: the first outgoing edge whose conditions hold, else the default edge.</summary>
public sealed record ConditionNode(string Key, string Name = "") : ProcessNode(Key, Name);

/// <summary>Copies the application to its recipients (read-tracked) and passes on at once.</summary>
public sealed record CcNode(string Key, string Name, IReadOnlyList<AssigneeRule> Recipients) : ProcessNode(Key, Name);

/// <summary>
/// A step people decide. Assignees are the union of the rules, in rule order, without repeats.
/// <see cref="DueHours"/> after a task becomes pending, <see cref="OnTimeout"/> applies; <see cref="Fields"/>
/// sets per-field access for the approvers (unlisted fields are read-only).
/// </summary>
public sealed record ApprovalNode(
    string Key,
    string Name,
    ApprovalMode Mode,
    IReadOnlyList<AssigneeRule> Assignees,
    int? DueHours = null,
    TimeoutAction OnTimeout = TimeoutAction.Remind,
    IReadOnlyDictionary<string, FieldAccess>? Fields = null) : ProcessNode(Key, Name)
{
    public FieldAccess AccessOf(string field) => Fields is not null && Fields.TryGetValue(field, out var access) ? access : FieldAccess.Read;
}

public enum AssigneeKind
{
    Users,
    Role,
    DepartmentLeader,
    ApplicantLeader,

    /// <summary>The users the applicant picked in a user field of the form at submission.</summary>
    ChosenByApplicant,
}

/// <summary>Who gets the tasks of an approval node (or the copies of a CC node).</summary>
public sealed record AssigneeRule(
    AssigneeKind Kind,
    IReadOnlyList<long>? UserIds = null,
    long? RoleId = null,
    long? DepartmentId = null,
    int LevelsUp = 1,
    string? Field = null)
{
    public static AssigneeRule Users(params long[] userIds) => new(AssigneeKind.Users, UserIds: userIds);

    public static AssigneeRule Role(long roleId) => new(AssigneeKind.Role, RoleId: roleId);

    public static AssigneeRule DepartmentLeader(long departmentId) => new(AssigneeKind.DepartmentLeader, DepartmentId: departmentId);

    /// <summary>The leader of the applicant's department (1), of its parent (2), ….</summary>
    public static AssigneeRule ApplicantLeader(int levelsUp = 1) => new(AssigneeKind.ApplicantLeader, LevelsUp: levelsUp);

    /// <summary>The users the applicant picks in the user field <paramref name="field"/>.</summary>
    public static AssigneeRule ChosenByApplicant(string field) => new(AssigneeKind.ChosenByApplicant, Field: field);
}
