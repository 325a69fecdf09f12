using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>A drawn process is checked before publishing: every problem named with the nodes it concerns.</summary>
public sealed class ProcessRulesTests
{
    private static readonly ProcessNode Start = new StartNode("start");
    private static readonly ProcessNode End = new EndNode("end");

    private static IReadOnlyList<ApprovalProblem> Check(ProcessNode[] nodes, ProcessEdge[] edges) => ProcessRules.Validate(new ApprovalProcess(nodes, edges), Form);

    private static ProcessEdge E(string from, string to) => new(from, to);

    [Fact]
    public void ValidProcesses_HaveNoProblems()
    {
        Assert.Empty(ProcessRules.Validate(Chain(Node("a", ApprovalMode.Countersign, 1, 2), new CcNode("cc", "CC", [AssigneeRule.Role(7)])), Form));
        Assert.Empty(ProcessRules.Validate(ConditionsTests.Branching(), Form));
    }

    [Fact]
    public void MissingStartAndEnd_AreNamed()
    {
        Assert.Equal(["approval.process.end_missing", "approval.process.start_missing"], Check([], []).Select(p => p.Code).Order());
        var two = Check([Start, new StartNode("again"), End], [E("start", "end"), E("again", "end")]);
        Assert.Equal(["again", "start"], two.Single(p => p.Code == "approval.process.start_multiple").Keys.Order());
    }

    [Fact]
    public void DanglingEdges_DuplicateNodesAndEdges_AreNamed()
    {
        var problems = Check([Start, End, End], [E("start", "end"), E("start", "end"), E("start", "ghost")]);

        Assert.Contains(problems, p => p.Code == "approval.process.dangling_edge" && p.Keys.SequenceEqual(["start", "ghost"]));
        Assert.Contains(problems, p => p.Code == "approval.process.duplicate_edge");
        Assert.Contains(problems, p => p.Code == "approval.process.duplicate_node" && p.Keys.SequenceEqual(["end"]));
    }

    [Fact]
    public void UnreachableAndDeadEndNodes_AreNamed_AndAnEndMustBeReachable()
    {
        var lonely = Node("lonely", ApprovalMode.Single, 1);
        var stuck = Node("stuck", ApprovalMode.Single, 1);

        var problems = Check([Start, stuck, lonely, End], [E("start", "stuck"), E("lonely", "end")]);

        Assert.Equal(["end", "lonely"], problems.Where(p => p.Code == "approval.process.unreachable").Select(p => p.Keys.Single()));
        Assert.Equal(["stuck"], problems.Single(p => p.Code == "approval.process.dead_end").Keys);
        Assert.Equal(["start"], problems.Single(p => p.Code == "approval.process.end_unreachable").Keys);
        Assert.Equal(["stuck"], problems.Single(p => p.Code == "approval.process.one_exit").Keys);
    }

    [Fact]
    public void ACycle_IsNamedInOrder()
    {
        var (a, b) = (Node("a", ApprovalMode.Single, 1), new ConditionNode("if"));
        var back = new ProcessEdge("if", "a", [new("amount", ConditionOperator.Greater, FormValues.Of(5))]);

        var problem = Check([Start, a, b, End], [E("start", "a"), E("a", "if"), back, new("if", "end", IsDefault: true)]).Single();

        Assert.Equal(("approval.process.cycle", "a → if → a"), (problem.Code, problem.Args[0]));
        Assert.Equal(["a", "if"], problem.Keys);
    }

    [Theory]
    [InlineData(0, "approval.process.default_missing")]
    [InlineData(2, "approval.process.default_multiple")]
    public void EveryBranch_HasExactlyOneDefault(int defaults, string code)
    {
        var rule = new FieldCondition("amount", ConditionOperator.Less, FormValues.Of(10));
        var edges = new List<ProcessEdge> { E("start", "if"), new("if", "a", defaults > 1 ? null : [rule], IsDefault: defaults > 1), new("if", "end", defaults > 0 ? null : [rule], IsDefault: defaults > 0), E("a", "end") };

        var problem = Check([Start, new ConditionNode("if"), Node("a", ApprovalMode.Single, 1), End], [.. edges]).Single();

        Assert.Equal((code, "if"), (problem.Code, problem.Keys.Single()));
    }

    [Fact]
    public void BranchRules_NeedConditionsOnKnownFields_AndStayOnBranches()
    {
        var nodes = new[] { Start, new ConditionNode("if"), Node("a", ApprovalMode.Single, 1), End };
        var edges = new[]
        {
            new ProcessEdge("start", "if", IsDefault: true),
            new("if", "a"),
            new("if", "end", IsDefault: true),
            new("a", "end", [new("nope", ConditionOperator.Equal, FormValues.Of(1)), new("amount", ConditionOperator.In, FormValues.Of(1)), new("amount", ConditionOperator.Equal)]),
        };

        var codes = Check(nodes, edges).Select(p => p.Code).ToList();

        Assert.Equal(2, codes.Count(c => c == "approval.process.rule_outside_branch"));
        Assert.Contains("approval.process.rule_missing", codes);
        Assert.Contains("approval.process.condition_field_unknown", codes);
        Assert.Equal(2, codes.Count(c => c == "approval.process.condition_value_invalid"));
    }

    public static TheoryData<ApprovalNode, string> BadNodes => new()
    {
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, []), "approval.process.assignees_missing" },
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, [AssigneeRule.Users()]), "approval.process.assignee_invalid" },
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, [AssigneeRule.Role(0)]), "approval.process.assignee_invalid" },
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, [AssigneeRule.DepartmentLeader(-1)]), "approval.process.assignee_invalid" },
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, [AssigneeRule.ApplicantLeader(0)]), "approval.process.assignee_invalid" },
        { new ApprovalNode("a", "A", ApprovalMode.OrSign, [AssigneeRule.ChosenByApplicant("reason")]), "approval.process.assignee_invalid" },
        { new ApprovalNode("a", "A", ApprovalMode.Single, [AssigneeRule.Users(1, 2)]), "approval.process.single_many_assignees" },
        { Node("a", ApprovalMode.Single, 1) with { DueHours = 0 }, "approval.process.due_invalid" },
        { Node("a", ApprovalMode.Single, 1) with { OnTimeout = TimeoutAction.AutoApprove }, "approval.process.timeout_without_due" },
        { Node("a", ApprovalMode.Single, 1) with { Fields = new Dictionary<string, FieldAccess> { ["salary"] = FieldAccess.Hidden } }, "approval.process.field_unknown" },
    };

    [Theory]
    [MemberData(nameof(BadNodes))]
    public void ApprovalNodeSettings_AreChecked(ApprovalNode node, string code)
    {
        var problem = Assert.Single(ProcessRules.Validate(Chain(node), Form));

        Assert.Equal((code, "a"), (problem.Code, problem.Keys.Single()));
    }

    [Fact]
    public void ACcNode_NeedsRecipients_AndTheStartNoIncomingEdge_AndTheEndNoExit()
    {
        var codes = Check([Start, new CcNode("cc", "CC", []), End], [E("start", "cc"), E("cc", "end"), E("end", "start")]).Select(p => p.Code).ToList();

        Assert.Contains("approval.process.recipients_missing", codes);
        Assert.Contains("approval.process.start_incoming", codes);
        Assert.Contains("approval.process.end_outgoing", codes);
    }
}
