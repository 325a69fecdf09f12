using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Definitions: drafts, publishing versions, archiving; instances keep the version they started on.</summary>
public sealed class ApprovalDefinitionTests
{
    [Fact]
    public void Create_ChecksCodeAndName()
    {
        var definition = Ok(ApprovalDefinition.Create(" leave.annual ", " Annual leave ", " hr ", null));

        Assert.Equal(("leave.annual", "Annual leave", "hr", DefinitionStatus.Draft), (definition.Code, definition.Name, definition.Category, definition.Status));
        Assert.Null(definition.LatestVersion);
        Fails(ApprovalDefinition.Create("bad code!", "x"), "common.code_invalid");
        Fails(ApprovalDefinition.Create("ok", " "), "common.required");
        Fails(definition.Describe("x", new string('c', ApprovalDefinition.CategoryMaxLength + 1), null), "common.too_long");
    }

    [Fact]
    public void Publish_FreezesTheDraftAsTheNextVersion()
    {
        var definition = Ok(ApprovalDefinition.Create("expense", "Expense"));
        Ok(definition.Design(Mode(ApprovalMode.Single), Form));

        var v1 = Ok(definition.Publish(7, T0));
        Ok(definition.Design(Mode(ApprovalMode.Countersign), Form));
        var v2 = Ok(definition.Publish(7, T0.AddDays(1)));

        Assert.Equal((1, 2), (v1.Number, v2.Number));
        Assert.Same(v2, definition.LatestVersion);
        Assert.Equal(DefinitionStatus.Published, definition.Status);
        Assert.Equal(ApprovalMode.Single, ((ApprovalNode)v1.Process.Nodes[1]).Mode);
        Assert.Equal((7L, T0), (v1.PublishedBy!.Value, v1.PublishedAt));
    }

    [Fact]
    public void Publish_AnInvalidDraft_IsRefused_WithTheFirstProblem_AndPublishesNothing()
    {
        var definition = Ok(ApprovalDefinition.Create("expense", "Expense"));
        Ok(definition.Design(Chain(new ApprovalNode("a", "A", ApprovalMode.OrSign, [])), new ApprovalForm([new("1x", "X", FieldType.Text)])));

        Fails(definition.Publish(1, T0), "approval.form_design.key_invalid");

        Assert.Equal(["approval.form_design.key_invalid", "approval.process.assignees_missing"], definition.ValidateDraft().Select(p => p.Code));
        Assert.Empty(definition.Versions);
        Assert.Equal(DefinitionStatus.Draft, definition.Status);
    }

    [Fact]
    public void AnInstance_KeepsVersionOne_AfterVersionTwoIsPublished()
    {
        var definition = Definition(Chain(Node("a", ApprovalMode.Single, 1)));
        var old = Ok(ApprovalInstance.Draft(definition, Applicant, new ApprovalApplication("old", Data(("amount", 1))), T0));
        Ok(old.Submit(Applicant, T0, new FakeOrg().Context));

        Ok(definition.Design(Chain(Node("x", ApprovalMode.Single, 5), Node("a", ApprovalMode.Single, 1)), Form));
        Ok(definition.Publish(1, T0.AddDays(1)));
        var fresh = Ok(ApprovalInstance.Draft(definition, Applicant, new ApprovalApplication("new", Data(("amount", 1))), T0.AddDays(1)));
        Ok(fresh.Submit(Applicant, T0.AddDays(1), new FakeOrg().Context));

        Assert.Equal((1, "a"), (old.VersionNumber, old.CurrentNodeKey));
        Assert.Equal((2, "x"), (fresh.VersionNumber, fresh.CurrentNodeKey));
        Assert.Equal(ApprovalStatus.Approved, old.Approve(1).Finished);
    }

    [Fact]
    public void Archive_StopsNewInstances_ButNotRunningOnes_AndRestoreBringsItBack()
    {
        var definition = Definition(Chain(Node("a", ApprovalMode.Single, 1)));
        var running = Ok(ApprovalInstance.Draft(definition, Applicant, new ApprovalApplication("t", Data(("amount", 1))), T0));
        Ok(running.Submit(Applicant, T0, new FakeOrg().Context));

        definition.Archive();

        Fails(ApprovalInstance.Draft(definition, Applicant, new ApprovalApplication("t", Data()), T0), ApprovalErrors.NotPublished);
        Fails(definition.Design(ApprovalProcess.Empty, ApprovalForm.Empty), ApprovalErrors.DefinitionArchived);
        Fails(definition.Publish(1, T0), ApprovalErrors.DefinitionArchived);
        Assert.Equal(ApprovalStatus.Approved, running.Approve(1).Finished);

        definition.Restore();
        Assert.Equal(DefinitionStatus.Published, definition.Status);
        var never = Ok(ApprovalDefinition.Create("n", "N"));
        never.Archive();
        never.Restore();
        Assert.Equal(DefinitionStatus.Draft, never.Status);
    }

    [Fact]
    public void ProcessAndForm_RoundTripThroughJson()
    {
        var node = new ApprovalNode("a", "Leads", ApprovalMode.Sequential, [AssigneeRule.ApplicantLeader(2), AssigneeRule.ChosenByApplicant("approver")], 24, TimeoutAction.AutoReject, new Dictionary<string, FieldAccess> { ["amount"] = FieldAccess.Edit });
        var branching = ConditionsTests.Branching();
        var process = branching with
        {
            Nodes = [.. branching.Nodes, node, new CcNode("cc", "Finance", [AssigneeRule.Role(7)])],
            Layout = new Dictionary<string, NodePosition> { ["start"] = new(10, 20) },
        };

        var json = ApprovalJson.Serialize(process);
        var back = ApprovalJson.Deserialize<ApprovalProcess>(json);
        var form = ApprovalJson.Deserialize<ApprovalForm>(ApprovalJson.Serialize(Form));

        Assert.Contains("\"type\":\"approval\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"sequential\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ApprovalJson.Serialize(back));
        Assert.Equal(node.Fields, ((ApprovalNode)back.Nodes.Single(n => n.Key == "a")).Fields);
        Assert.Equal(ConditionOperator.GreaterOrEqual, back.Edges.Single(e => e.To == "ceo").Conditions![0].Operator);
        Assert.Equal(ApprovalJson.Serialize(Form), ApprovalJson.Serialize(form));
        Assert.Equal(["start", "if", "cfo", "end"], new ProcessGraph(back).Route(Data(("amount", 20000))));
    }

    [Fact]
    public void HandWrittenJson_WithTheTypeAnywhere_IsRead()
    {
        const string json = """{"nodes":[{"key":"s","name":"","type":"start"},{"type":"end","key":"e"}],"edges":[{"from":"s","to":"e"}]}""";

        var process = ApprovalJson.Deserialize<ApprovalProcess>(json);

        Assert.IsType<StartNode>(process.Nodes[0]);
        Assert.IsType<EndNode>(process.Nodes[1]);
    }
}
