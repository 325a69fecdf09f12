using System.Text.Json;
using Ops.Domain.Approvals;
using Ops.Domain.Common;

namespace Ops.Domain.Tests.Approvals;

/// <summary>An organisation in memory: roles, department leaders, leaders above the applicant, and who is away.</summary>
internal sealed class FakeOrg : IAssigneeResolver, IDelegationLookup
{
    public Dictionary<long, long[]> Roles { get; } = new() { [7] = [71, 72] };

    public Dictionary<long, long[]> Departments { get; } = new() { [5] = [51] };

    /// <summary>Leaders above the applicant by level.</summary>
    public Dictionary<int, long[]> Leaders { get; } = new() { [1] = [11], [2] = [12] };

    /// <summary>Out-of-office: user → delegate.</summary>
    public Dictionary<long, long> Away { get; } = [];

    public List<(long User, DateTimeOffset At)> Lookups { get; } = [];

    public IReadOnlyList<long> RoleMembers(long roleId) => Roles.GetValueOrDefault(roleId, []);

    public IReadOnlyList<long> DepartmentLeaders(long departmentId) => Departments.GetValueOrDefault(departmentId, []);

    public IReadOnlyList<long> ApplicantLeaders(long applicantId, int levelsUp) => Leaders.GetValueOrDefault(levelsUp, []);

    /// <summary>Users who cannot sign in (disabled): they get no task or copy.</summary>
    public HashSet<long> Disabled { get; } = [];

    public bool CanDecide(long userId) => !Disabled.Contains(userId);

    public long? DelegateFor(long userId, DateTimeOffset now)
    {
        Lookups.Add((userId, now));
        return Away.TryGetValue(userId, out var stand) ? stand : null;
    }

    public ApprovalContext Context => new(this, this);
}

/// <summary>Builders for processes, forms, definitions and instances in a known state.</summary>
internal static class ApprovalFixture
{
    public const long Applicant = 100;

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ApprovalForm Form { get; } = new(
    [
        new FormField("amount", "Amount", FieldType.Amount, Required: true, Order: 1),
        new FormField("reason", "Reason", FieldType.Text, Order: 2),
        new FormField("approver", "Approver", FieldType.User, Order: 3),
        new FormField("tags", "Tags", FieldType.MultiSelect, Order: 4, Options: [new("a", "A"), new("b", "B")]),
    ]);

    public static ApprovalNode Node(string key, ApprovalMode mode, params long[] users) => new(key, key.ToUpperInvariant(), mode, [AssigneeRule.Users(users)]);

    /// <summary>start → the nodes in order → end.</summary>
    public static ApprovalProcess Chain(params ProcessNode[] middle)
    {
        ProcessNode[] nodes = [new StartNode("start"), .. middle, new EndNode("end")];
        return new ApprovalProcess(nodes, nodes.Zip(nodes.Skip(1), (a, b) => new ProcessEdge(a.Key, b.Key)).ToList());
    }

    /// <summary>A node in the given mode for users 1 and 2 (only 1 in single mode), then node "b" for user 9.</summary>
    public static ApprovalProcess Mode(ApprovalMode mode) =>
        Chain(mode == ApprovalMode.Single ? Node("a", mode, 1) : Node("a", mode, 1, 2), Node("b", ApprovalMode.Single, 9));

    public static Dictionary<string, JsonElement> Data(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => FormValues.Of(v.Value), StringComparer.Ordinal);

    public static ApprovalDefinition Definition(ApprovalProcess process, ApprovalForm? form = null)
    {
        var definition = Ok(ApprovalDefinition.Create("expense", "Expense claim", "finance"));
        Ok(definition.Design(process, form ?? Form));
        Ok(definition.Publish(1, T0));
        return definition;
    }

    public static ApprovalInstance Draft(ApprovalProcess process, Dictionary<string, JsonElement>? data = null, ApprovalForm? form = null) =>
        Ok(ApprovalInstance.Draft(Definition(process, form), Applicant, new ApprovalApplication("Trip to Berlin", data ?? Data(("amount", 500))), T0));

    public static ApprovalInstance Submitted(ApprovalProcess process, FakeOrg? org = null, Dictionary<string, JsonElement>? data = null)
    {
        var instance = Draft(process, data);
        Ok(instance.Submit(Applicant, T0, (org ?? new FakeOrg()).Context));
        return instance;
    }

    /// <summary>The number of the pending task the user holds.</summary>
    public static int TaskOf(this ApprovalInstance instance, long user) =>
        instance.PendingTasks.Single(t => t.AssigneeId == user).Number;

    public static long[] Holders(this ApprovalInstance instance) =>
        [.. instance.PendingTasks.Select(t => t.AssigneeId).Order()];

    public static ApprovalOutcome Approve(this ApprovalInstance instance, long user, FakeOrg? org = null, DateTimeOffset? at = null) =>
        Ok(instance.Approve(instance.TaskOf(user), user, "ok", at ?? T0.AddMinutes(5), (org ?? new FakeOrg()).Context));

    public static ApprovalOutcome Reject(this ApprovalInstance instance, long user, RejectTarget target, FakeOrg? org = null) =>
        Ok(instance.Reject(instance.TaskOf(user), user, "no", target, T0.AddMinutes(5), (org ?? new FakeOrg()).Context));

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, $"expected success, got {result.Error}");
        return result.Value;
    }

    public static void Ok(Result result) => Assert.True(result.IsSuccess, $"expected success, got {result.Error}");

    public static Error Fails(Result result, string code)
    {
        Assert.True(result.IsFailure, "expected a failure");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    /// <summary>What must stay unchanged when an action fails.</summary>
    public static string Snapshot(this ApprovalInstance instance) => string.Join(
        "|",
        instance.Status,
        instance.CurrentNodeKey,
        instance.Round,
        instance.Records.Count,
        instance.Ccs.Count,
        instance.LastActionAt,
        ApprovalJson.Serialize(instance.FormData),
        string.Join(",", instance.Tasks.Select(t => $"{t.Number}:{t.AssigneeId}:{t.OnBehalfOfId}:{t.Status}")));
}
