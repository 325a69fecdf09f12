using System.Text.Json;
using System.Xml.Linq;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Approvals.Components;

namespace Ops.Portal.Tests.Approvals.Designer;

public sealed class ProcessDrawingTests
{
    private static readonly FieldCondition Large = new("amount", ConditionOperator.Greater, JsonSerializer.SerializeToElement(10000));

    private static readonly ApprovalProcess Branched = new(
        [
            new StartNode("start"),
            new ConditionNode("condition_1", "Amount"),
            new ApprovalNode("approval_1", "CFO", ApprovalMode.Single, [AssigneeRule.Users(7)], 24, TimeoutAction.AutoReject),
            new CcNode("cc_1", "Finance", [AssigneeRule.Role(3)]),
            new EndNode("end_1"),
        ],
        [
            new ProcessEdge("start", "condition_1"),
            new ProcessEdge("condition_1", "approval_1", [Large]),
            new ProcessEdge("condition_1", "cc_1", IsDefault: true),
            new ProcessEdge("approval_1", "end_1"),
            new ProcessEdge("cc_1", "end_1"),
        ],
        new Dictionary<string, NodePosition>
        {
            ["start"] = new(40, 100), ["condition_1"] = new(300, 100), ["approval_1"] = new(560, 40), ["cc_1"] = new(560, 160), ["end_1"] = new(820, 100),
        });

    [Fact]
    public void Load_ThenToProcess_GivesBackNodesBranchesAndLayout()
    {
        using var drawing = new ProcessDrawing();
        drawing.Load(Branched);

        var process = drawing.ToProcess();

        Assert.Equal(Branched.Nodes, process.Nodes);
        Assert.Equal(Branched.Edges.Select(e => (e.From, e.To, e.IsDefault)), process.Edges.Select(e => (e.From, e.To, e.IsDefault)));
        Assert.Equal([Large], process.Edges[1].Conditions!);
        Assert.Equal(Branched.Layout, process.Layout);
    }

    [Fact]
    public void Load_WithoutLayout_LaysTheNodesOutLeftToRight()
    {
        using var drawing = new ProcessDrawing();

        drawing.Load(Branched with { Layout = null });

        var x = drawing.ToProcess().Layout!.ToDictionary(p => p.Key, p => p.Value.X);
        Assert.True(x["start"] < x["condition_1"] && x["condition_1"] < x["approval_1"] && x["approval_1"] < x["end_1"]);
    }

    [Fact]
    public void MoveBranch_ChangesTheOrderBranchesAreTried_AndSetDefault_KeepsOneDefaultWithoutConditions()
    {
        using var drawing = new ProcessDrawing();
        drawing.Load(Branched);
        var toApproval = drawing.Links.Single(l => l.To!.Key == "approval_1");

        drawing.MoveBranch(toApproval, 1);
        drawing.SetDefault(toApproval, true);

        var branches = drawing.ToProcess().Edges.Where(e => e.From == "condition_1").ToList();
        Assert.Equal(["cc_1", "approval_1"], branches.Select(e => e.To));
        Assert.Equal([false, true], branches.Select(e => e.IsDefault));
        Assert.Null(branches[1].Conditions);
    }

    [Fact]
    public void ShowProgress_GivesEveryNodeItsState_UnlistedOnesPending()
    {
        using var drawing = new ProcessDrawing(readOnly: true);
        drawing.Load(Branched);

        drawing.ShowProgress(new Dictionary<string, NodeProgress> { ["start"] = NodeProgress.Done, ["approval_1"] = NodeProgress.Current, ["cc_1"] = NodeProgress.Skipped });

        var states = drawing.Nodes.ToDictionary(n => n.Key, n => n.Progress);
        Assert.Equal(NodeProgress.Current, states["approval_1"]);
        Assert.Equal(NodeProgress.Skipped, states["cc_1"]);
        Assert.Equal(NodeProgress.Pending, states["end_1"]);
        Assert.All(drawing.Nodes, n => Assert.True(n.Locked));
    }

    [Fact]
    public void EveryEnumText_ExistsInBothLanguages()
    {
        var keys = new[] { "UiText.resx", "UiText.zh-CN.resx" }
            .Select(f => XDocument.Load(Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal", "Localization", f)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal))
            .ToList();
        IEnumerable<string> used =
        [
            .. Enum.GetValues<FieldType>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<ApprovalMode>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<TimeoutAction>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<FieldAccess>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<AssigneeKind>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<ConditionOperator>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<DefinitionStatus>().Select(ApprovalTexts.Of),
            .. Enum.GetValues<NodeProgress>().Select(ApprovalTexts.Of),
            .. Branched.Nodes.Select(ApprovalTexts.NodeKind),
        ];

        Assert.All(keys, set => Assert.All(used, k => Assert.Contains(k, set)));
    }
}
