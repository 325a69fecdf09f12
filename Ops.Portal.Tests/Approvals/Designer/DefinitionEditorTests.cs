using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Approvals;
using Ops.Portal.Components.Pages.Approvals.Components;
using FieldType = Ops.Domain.Approvals.FieldType;

namespace Ops.Portal.Tests.Approvals.Designer;

public sealed class DefinitionEditorTests : PortalTestContext
{
    private static readonly ApprovalForm TwoFields = new(
    [
        new FormField("amount", "Amount", FieldType.Amount, Required: true, Order: 0),
        new FormField("approver", "Approver", FieldType.User, Order: 1),
    ]);

    private static readonly ApprovalProcess Drawn = new(
        [new StartNode("start"), new ApprovalNode("approval_1", "Manager", ApprovalMode.Single, []), new EndNode("end_1")],
        [new ProcessEdge("start", "approval_1"), new ProcessEdge("approval_1", "end_1")],
        new Dictionary<string, NodePosition> { ["start"] = new(40, 40), ["approval_1"] = new(300, 40), ["end_1"] = new(560, 40) });

    private readonly FakeDefinitionService _service = new();

    public DefinitionEditorTests()
    {
        var directory = new FakeDirectory();
        Services.AddSingleton<IApprovalDefinitionService>(_service);
        Services.AddSingleton<IRoleService>(directory);
        Services.AddSingleton<IDepartmentService>(directory);
        Services.AddSingleton<IUserDirectory>(directory);
        Services.AddSingleton<IApprovalFileService, Runtime.FakeApprovalFiles>();
        Services.AddScoped(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddScoped<UiErrorHandler>();
        // The canvas is drawn only when interactive; most tests edit through the panels and the drawing model.
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Guard.Granted.UnionWith([ApprovalPermissions.Definitions.View, ApprovalPermissions.Definitions.Edit, ApprovalPermissions.Definitions.Publish]);
    }

    private IRenderedComponent<DefinitionEditor> RenderEditor()
    {
        Render<MudPopoverProvider>();
        var editor = Render<DefinitionEditor>(p => p.Add(e => e.Id, 1L));
        editor.WaitForElement("#definition-tabs");
        return editor;
    }

    /// <summary>Clicks once the debounced check has run, and waits for what the click calls (MudButton handles clicks asynchronously).</summary>
    private static void ClickSettled(IRenderedComponent<DefinitionEditor> editor, string selector, Func<bool> done)
    {
        editor.WaitForAssertion(() => Assert.Equal("false", editor.Find("#design-problems").GetAttribute("data-checking")), TimeSpan.FromSeconds(5));
        editor.Find(selector).Click();
        editor.WaitForAssertion(() => Assert.True(done()), TimeSpan.FromSeconds(5));
    }

    private static ProcessDrawing DrawingOf(IRenderedComponent<DefinitionEditor> editor) => editor.FindComponent<ProcessDesigner>().Instance.Drawing;

    [Fact]
    public void FormDesigner_AddsAFieldOfEveryType_AndSaveSendsThemWithTheProcess()
    {
        _service.Detail = _service.Detail with { DraftProcess = Drawn };
        var editor = RenderEditor();

        foreach (var type in Enum.GetValues<FieldType>())
        {
            editor.Find($"[data-add-field='{type}']").Click();
        }

        ClickSettled(editor, "#design-save", () => _service.Saved.Count > 0);

        var (process, form, version) = Assert.Single(_service.Saved);
        Assert.Equal(3, version);
        Assert.Equal(Enum.GetValues<FieldType>(), form.Ordered.Select(f => f.Type).ToArray());
        Assert.Equal(form.Fields.Count, form.Fields.Select(f => f.Key).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, form.Fields.Count), form.Ordered.Select(f => f.Order));
        Assert.NotEmpty(form.Fields.Single(f => f.Type == FieldType.Select).Options!);
        Assert.NotEmpty(form.Fields.Single(f => f.Type == FieldType.Table).Columns!);
        Assert.Empty(FormDesignRules.Validate(form));
        Assert.Equal(Drawn.Nodes, process.Nodes);
        Assert.Equal(Drawn.Edges, process.Edges);
        Assert.Equal(Drawn.Layout!["approval_1"], process.Layout!["approval_1"]);
    }

    [Fact]
    public void FormDesigner_MovesAndDeletesFields_RenumberingTheirOrder()
    {
        _service.Detail = _service.Detail with { DraftForm = TwoFields };
        var editor = RenderEditor();

        editor.Find("[data-move-down='amount']").Click();
        editor.Find("[data-delete-field='approver']").Click();
        ClickSettled(editor, "#design-save", () => _service.Saved.Count > 0);

        var form = Assert.Single(_service.Saved).Form;
        var only = Assert.Single(form.Fields);
        Assert.Equal(("amount", 0), (only.Key, only.Order));
    }

    [Fact]
    public async Task NodePanel_EditsAnApprovalNodesModeAndAssignees_AndSaveSendsThem()
    {
        _service.Detail = _service.Detail with { DraftProcess = Drawn, DraftForm = TwoFields };
        var editor = RenderEditor();
        var drawing = DrawingOf(editor);
        await editor.InvokeAsync(() => drawing.Diagram.SelectModel(drawing.Node("approval_1")!, true));
        var panel = editor.WaitForElement("#process-node-panel");
        Assert.Equal("approval_1", panel.GetAttribute("data-node"));

        await editor.InvokeAsync(() => editor.FindComponent<MudSelect<ApprovalMode>>().Instance.ValueChanged.InvokeAsync(ApprovalMode.Countersign));
        editor.Find("#process-node-panel [data-action='add-rule']").Click();
        await editor.InvokeAsync(() => editor.FindComponent<AssigneeRulesEditor>().FindComponent<MudAutocomplete<UserOption>>().Instance.ValueChanged.InvokeAsync(FakeDirectory.Alice));
        await editor.InvokeAsync(() => editor.FindComponent<AssigneeRulesEditor>().FindComponent<MudAutocomplete<UserOption>>().Instance.ValueChanged.InvokeAsync(FakeDirectory.Bob));
        await editor.InvokeAsync(() => editor.FindComponent<MudSelect<AssigneeKind>>().Instance.ValueChanged.InvokeAsync(AssigneeKind.Role));
        editor.Find("#process-node-panel [data-action='add-rule']").Click();
        await editor.InvokeAsync(() => editor.FindComponent<MudSelect<long?>>().Instance.ValueChanged.InvokeAsync(3L));
        await editor.InvokeAsync(() => editor.FindComponent<MudSelect<AssigneeKind>>().Instance.ValueChanged.InvokeAsync(AssigneeKind.ChosenByApplicant));
        editor.Find("#process-node-panel [data-action='add-rule']").Click();
        await editor.InvokeAsync(() => editor.FindComponent<AssigneeRulesEditor>().FindComponents<MudSelect<string>>().Last().Instance.ValueChanged.InvokeAsync("approver"));
        ClickSettled(editor, "#design-save", () => _service.Saved.Count > 0);

        var saved = Assert.IsType<ApprovalNode>(Assert.Single(_service.Saved).Process.Nodes.Single(n => n.Key == "approval_1"));
        Assert.Equal(ApprovalMode.Countersign, saved.Mode);
        Assert.Equal(3, saved.Assignees.Count);
        Assert.Equal([7L, 8L], saved.Assignees[0].UserIds!);
        Assert.Equal((AssigneeKind.Role, 3L), (saved.Assignees[1].Kind, saved.Assignees[1].RoleId!.Value));
        Assert.Equal((AssigneeKind.ChosenByApplicant, "approver"), (saved.Assignees[2].Kind, saved.Assignees[2].Field!));
        Assert.Empty(ProcessRules.Validate(Assert.Single(_service.Saved).Process, TwoFields));
        Assert.Contains("Alice", editor.Find("#process-node-panel").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveCheck_ListsTheProblem_AndOutlinesTheNodeItNames()
    {
        _service.Detail = _service.Detail with { DraftProcess = Drawn };
        _service.Check = (process, _) => process.Nodes.OfType<ApprovalNode>().Where(n => n.Assignees.Count == 0)
            .Select(n => new ApprovalProblem("approval.process.assignees_missing", [n.Key], n.Key)).ToList();

        var editor = RenderEditor();

        var problem = editor.Find("#design-problems [data-problem='approval.process.assignees_missing']");
        Assert.Equal("Approval node approval_1 has no approvers.", problem.TextContent);
        var drawing = DrawingOf(editor);

        // The node widget outlines the nodes whose model says so (the canvas itself needs a browser).
        Assert.Equal(["approval_1"], drawing.Nodes.Where(n => n.HasProblem).Select(n => n.Key));
    }

    [Fact]
    public void LiveCheck_NamesRuleKindsAndOperatorsInWords_NotAsEnumNames()
    {
        _service.Detail = _service.Detail with { DraftProcess = Drawn };
        _service.Check = (_, _) =>
        [
            new ApprovalProblem("approval.process.assignee_invalid", ["approval_1"], "approval_1", AssigneeKind.ChosenByApplicant),
            new ApprovalProblem("approval.process.condition_value_invalid", ["approval_1", "end_1"], "amount", ConditionOperator.GreaterOrEqual),
        ];

        var editor = RenderEditor();

        Assert.Equal("Node approval_1 has an incomplete approver rule (Chosen by the applicant).",
            editor.Find("[data-problem='approval.process.assignee_invalid']").TextContent);
        Assert.Equal("The condition on amount (at least) needs a valid value.",
            editor.Find("[data-problem='approval.process.condition_value_invalid']").TextContent);
    }

    [Fact]
    public void LiveCheck_AfterAnEdit_OutlinesTheFieldItNames()
    {
        _service.Detail = _service.Detail with { DraftForm = TwoFields };
        _service.Check = (_, form) => form.Fields.Where(f => f.Type == FieldType.Select && f.Options is null or { Count: 0 })
            .Select(f => new ApprovalProblem("approval.form_design.options_missing", [f.Key], f.Key)).ToList();
        var editor = RenderEditor();
        Assert.Equal("0", editor.Find("#design-problems").GetAttribute("data-count"));

        // A select whose only option is removed has a problem, shown once the check has run.
        editor.Find("[data-add-field='Select']").Click();
        editor.Find("[data-editing='field_1'] [data-option='0'] button").Click();

        editor.WaitForAssertion(() => Assert.Equal("true", editor.Find("[data-field-row='field_1']").GetAttribute("data-problem")), TimeSpan.FromSeconds(5));
        Assert.Contains("Field field_1 needs at least one option.", editor.Find("#design-problems").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_Refused_ShowsTheReason_AndKeepsTheDraft()
    {
        _service.Detail = _service.Detail with { DraftProcess = Drawn };
        _service.PublishResult = Error.Invalid("approval.process.start_missing");
        var editor = RenderEditor();
        editor.Find("[data-add-field='Text']").Click();

        ClickSettled(editor, "#design-publish", () => _service.Publishes > 0);

        var error = editor.WaitForElement("#publish-error");
        Assert.Contains("The process needs a start node.", error.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _service.Publishes);
        Assert.Single(Assert.Single(_service.Saved).Form.Fields);
        Assert.Single(editor.FindComponent<FormDesigner>().Instance.Form.Fields);
    }

    [Fact]
    public void Tab_ComesFromTheQueryString_AndSwitchingWritesItBack()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/workflow/definitions/1?tab=process");
        var editor = RenderEditor();

        Assert.Equal("Process", editor.Find(".mud-tab.mud-tab-active").TextContent.Trim());
        editor.FindAll(".mud-tab")[3].Click();

        editor.WaitForAssertion(() => Assert.EndsWith("?tab=versions", navigation.Uri, StringComparison.Ordinal));
    }
}
