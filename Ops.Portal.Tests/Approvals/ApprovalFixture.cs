using System.Text.Json;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Approvals;

/// <summary>
/// An organisation for approval tests, built through the real services: two departments with leaders, a
/// finance role with two members, an applicant, an administrator; and the two-step purchase process of the
/// issue (countersign by both leaders, then or-sign by finance), published.
/// </summary>
public sealed class ApprovalFixture
{
    public const string Code = "purchase";

    private ApprovalFixture(InfrastructureHarness harness) => Harness = harness;

    public InfrastructureHarness Harness { get; }

    public Actor Applicant { get; private set; } = Actor.Anonymous;

    public Actor LeaderA { get; private set; } = Actor.Anonymous;

    public Actor LeaderB { get; private set; } = Actor.Anonymous;

    public Actor FinanceA { get; private set; } = Actor.Anonymous;

    public Actor FinanceB { get; private set; } = Actor.Anonymous;

    public Actor Admin { get; private set; } = Actor.Anonymous;

    public Actor Outsider { get; private set; } = Actor.Anonymous;

    public long FinanceRole { get; private set; }

    public long DefinitionId { get; private set; }

    public static ApprovalForm Form { get; } = new(
    [
        new FormField("amount", "金额", FieldType.Amount, Required: true, Order: 1, Validation: new FieldValidation(Min: 1)),
        new FormField("reason", "事由", FieldType.TextArea, Required: true, Order: 2, Validation: new FieldValidation(MaxLength: 500)),
    ]);

    public static async Task<ApprovalFixture> StartAsync(
        DatabaseProvider provider, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var harness = await InfrastructureHarness.StartAsync(provider, settings: settings, configure: configure);
        var fixture = new ApprovalFixture(harness);
        await fixture.SeedAsync();
        return fixture;
    }

    public static ApprovalProcess TwoSteps(long leaderA, long leaderB, long financeRole) => new(
        [
            new StartNode("start", "发起"),
            new ApprovalNode("leaders", "领导会签", ApprovalMode.Countersign, [AssigneeRule.Users(leaderA, leaderB)]),
            new ApprovalNode("finance", "财务或签", ApprovalMode.OrSign, [AssigneeRule.Role(financeRole)], DueHours: 24, OnTimeout: TimeoutAction.AutoApprove),
            new EndNode("end", "结束"),
        ],
        [new ProcessEdge("start", "leaders"), new ProcessEdge("leaders", "finance"), new ProcessEdge("finance", "end")]);

    public static ApprovalApplication Application(decimal amount, string reason = "服务器扩容", string? businessType = null, string? businessId = null) =>
        new("采购 " + reason, new Dictionary<string, JsonElement> { ["amount"] = FormValues.Of(amount), ["reason"] = FormValues.Of(reason) },
            ApprovalUrgency.Normal, businessType, businessId);

    /// <summary>Runs <paramref name="action"/> in a scope acting as <paramref name="actor"/> (several users can act at once).</summary>
    public async Task<T> AsAsync<T>(Actor actor, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Harness.Services.CreateScopeAs(actor);
        return await action(scope.ServiceProvider);
    }

    public Task<T> Actions<T>(Actor actor, Func<IApprovalService, Task<T>> action) => AsAsync(actor, sp => action(sp.GetRequiredService<IApprovalService>()));

    public Task<T> Inbox<T>(Actor actor, Func<IApprovalInbox, Task<T>> action) => AsAsync(actor, sp => action(sp.GetRequiredService<IApprovalInbox>()));

    public Task<T> Definitions<T>(Actor actor, Func<IApprovalDefinitionService, Task<T>> action) => AsAsync(actor, sp => action(sp.GetRequiredService<IApprovalDefinitionService>()));

    public async Task<long> StartAsync(decimal amount = 5000, Actor? applicant = null, string? businessType = null)
    {
        var started = await Actions(applicant ?? Applicant, s => s.StartAsync(new StartApproval(Code, Application(amount, businessType: businessType))));
        Assert.True(started.IsSuccess, started.Error?.ToString());
        return started.Value;
    }

    public Task<InstanceDetail> DetailAsync(long id, Actor? viewer = null) =>
        Inbox(viewer ?? Admin, async i => (await i.GetAsync(id)).Value);

    /// <summary>The number of the pending task <paramref name="actor"/> holds on the instance.</summary>
    public async Task<int> TaskOfAsync(long id, Actor actor)
    {
        var detail = await DetailAsync(id, actor);
        return Assert.Single(detail.Allowed.MyTasks);
    }

    /// <summary>Runs the approval outbox until it has nothing due (notices queued, callbacks posted); returns how many rows it handled.</summary>
    public async Task<int> DrainAsync()
    {
        var dispatcher = Harness.Services.GetRequiredService<Ops.Infrastructure.Common.Outbox.OutboxDispatcher<ApprovalCallback, CallbackStatus>>();
        var total = 0;
        for (var handled = -1; handled != 0; total += handled)
        {
            handled = await dispatcher.DispatchOnceAsync(CancellationToken.None);
        }

        return total;
    }

    public async Task ApproveAsync(long id, Actor actor, string? comment = null)
    {
        var task = await TaskOfAsync(id, actor);
        var result = await Actions(actor, s => s.ApproveAsync(new TaskRef(id, task), comment));
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    private async Task SeedAsync()
    {
        var todo = await Harness.RoleAsync("approver", DataScope.All, null, ApprovalPermissions.Instances.Todo);
        var admin = await Harness.RoleAsync("workflow_admin", DataScope.All, null,
            ApprovalPermissions.Instances.Todo, ApprovalPermissions.Instances.ViewAll, ApprovalPermissions.Instances.Terminate,
            ApprovalPermissions.Definitions.View, ApprovalPermissions.Definitions.Edit, ApprovalPermissions.Definitions.Publish, ApprovalPermissions.Definitions.Delete);
        FinanceRole = await Harness.RoleAsync("finance", DataScope.All, null, ApprovalPermissions.Instances.Todo);
        var sales = await Harness.DepartmentAsync("sales");
        LeaderA = await Harness.UserAsync("leader_a", sales, [todo]);
        LeaderB = await Harness.UserAsync("leader_b", sales, [todo]);
        FinanceA = await Harness.UserAsync("finance_a", null, [FinanceRole]);
        FinanceB = await Harness.UserAsync("finance_b", null, [FinanceRole]);
        Applicant = await Harness.UserAsync("applicant", sales, [todo]);
        Admin = await Harness.UserAsync("wf_admin", null, [admin]);
        Outsider = await Harness.UserAsync("outsider", null, [todo]);
        await using (var db = await Harness.CreateDbContextAsync())
        {
            (await db.Departments.SingleAsync(d => d.Id == sales)).SetLeader(LeaderA.UserId);
            await db.SaveChangesAsync();
        }

        DefinitionId = await PublishAsync(Code, TwoSteps(LeaderA.UserId!.Value, LeaderB.UserId!.Value, FinanceRole));
    }

    public async Task<long> PublishAsync(string code, ApprovalProcess process, ApprovalForm? form = null)
    {
        return await Definitions(Admin, async d =>
        {
            var id = (await d.CreateAsync(new DefinitionInput(code, "采购申请 " + code, "财务"))).Value;
            var version = (await d.GetAsync(id)).Value.Version;
            Assert.True((await d.SaveDesignAsync(id, process, form ?? Form, version)).IsSuccess);
            var published = await d.PublishAsync(id);
            Assert.True(published.IsSuccess, published.Error?.ToString());
            return id;
        });
    }
}
