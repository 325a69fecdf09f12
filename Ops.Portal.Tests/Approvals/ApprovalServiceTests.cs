using Ops.Domain.Approvals;
using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Approvals;

/// <summary>The approval services against a real database (SQLite and MariaDB): the two-step process of the issue end to end, inboxes, versions and delegation.</summary>
public sealed class ApprovalServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoStepProcess_CountersignThenOrSign_ReachesApproved_WithTimelineInboxesAndNotices(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var id = await f.StartAsync(12000);

        // Both leaders hold a task (countersign); the applicant sees it among their applications.
        Assert.Equal(1, (await f.Inbox(f.LeaderA, i => i.CountsAsync())).Todo);
        Assert.Equal(1, (await f.Inbox(f.LeaderB, i => i.CountsAsync())).Todo);
        Assert.Equal(1, (await f.Inbox(f.Applicant, i => i.CountsAsync())).Mine);
        var todo = await f.Inbox(f.LeaderA, i => i.ListAsync(InboxBox.Todo, new InboxFilter(), new PageRequest()));
        var row = Assert.Single(todo.Items);
        Assert.Equal(("领导会签", "applicant", true), (row.NodeName, row.ApplicantName, row.IsSimple));

        await f.ApproveAsync(id, f.LeaderA, "同意");
        Assert.Equal("leaders", (await f.DetailAsync(id)).CurrentNodeKey);
        await f.ApproveAsync(id, f.LeaderB);

        // Or-sign: both finance members hold a task; the first approval ends the application and cancels the other.
        var finance = await f.DetailAsync(id);
        Assert.Equal("finance", finance.CurrentNodeKey);
        Assert.Equal(NodeProgress.Done, finance.Progress["leaders"]);
        Assert.Equal(NodeProgress.Current, finance.Progress["finance"]);
        Assert.Equal(NodeProgress.Pending, finance.Progress["end"]);
        await f.ApproveAsync(id, f.FinanceB);

        var done = await f.DetailAsync(id, f.Applicant);
        Assert.Equal(ApprovalStatus.Approved, done.Status);
        Assert.Equal(
            [ApprovalAction.Submit, ApprovalAction.Approve, ApprovalAction.Approve, ApprovalAction.Approve],
            done.Timeline.Select(t => t.Action));
        Assert.Equal(["applicant", "leader_a", "leader_b", "finance_b"], done.Timeline.Select(t => t.ActorName));
        Assert.Equal("同意", done.Timeline[1].Comment);
        Assert.Equal(ApprovalTaskStatus.Cancelled, done.Tasks.Single(t => t.AssigneeId == f.FinanceA.UserId).Status);
        Assert.Equal((0, 0), await f.Inbox(f.FinanceA, async i => await i.CountsAsync() is var c ? (c.Todo, c.Done) : default));
        Assert.Single((await f.Inbox(f.FinanceB, i => i.ListAsync(InboxBox.Done, new InboxFilter(), new PageRequest()))).Items);
        Assert.Equal(1, (await f.Inbox(f.FinanceB, i => i.CountsAsync())).Done);

        // Every application is listed only for holders of view_all.
        var all = await f.Inbox(f.Admin, i => i.ListAsync(InboxBox.All, new InboxFilter(Status: ApprovalStatus.Approved), new PageRequest()));
        Assert.Equal(id, Assert.Single(all.Items).InstanceId);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Inbox(f.Applicant, i => i.ListAsync(InboxBox.All, new InboxFilter(), new PageRequest())));

        // The applicant's box exports to Excel as listed.
        var workbook = await f.Inbox(f.Applicant, i => i.ExportAsync(InboxBox.Mine, new InboxFilter()));
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(done.Title, Assert.Single(sheet)["Title"]);

        // Notices went through the outbox to the notification center: new tasks to each approver, the result
        // to the applicant (one outbox row per action that has notices); a second run sends nothing again.
        Assert.Equal(3, await f.DrainAsync());
        Assert.Equal(0, await f.DrainAsync());
        await using var db = await f.Harness.CreateDbContextAsync();
        var queued = await db.MessageLogs.Where(m => m.BusinessType == "approval" && m.BusinessId == id.ToString()).ToListAsync();
        Assert.Equal(4, queued.Count(m => m.TemplateCode == "approval.task_assigned"));
        Assert.Single(queued, m => m.TemplateCode == "approval.approved");
        Assert.All(queued, m => Assert.Equal(MessageChannel.InApp, m.Channel));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadInput_IsRefusedWithAClearError_AndChangesNothing(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;

        // A form that fails validation: nothing is created.
        var invalid = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval(ApprovalFixture.Code, ApprovalFixture.Application(0))));
        Assert.Equal("approval.form.below_min", invalid.Error!.Code);
        var missing = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval(ApprovalFixture.Code, ApprovalFixture.Application(10, reason: " "))));
        Assert.Equal("approval.form.required", missing.Error!.Code);
        await using (var db = await f.Harness.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.ApprovalInstances.CountAsync());
        }

        // Acting on a task one does not hold: refused, the instance is as it was.
        var id = await f.StartAsync();
        var before = await f.DetailAsync(id);
        var task = before.Tasks.Single(t => t.AssigneeId == f.LeaderB.UserId).Number;
        Assert.Equal(ApprovalErrors.NotYours, (await f.Actions(f.LeaderA, s => s.ApproveAsync(new TaskRef(id, task), "not mine"))).Error!.Code);
        Assert.Equal(ApprovalErrors.TaskNotFound, (await f.Actions(f.LeaderA, s => s.ApproveAsync(new TaskRef(id, 99), null))).Error!.Code);

        // Someone the application was never shown to does not learn it exists.
        Assert.Equal(ApprovalErrors.InstanceNotFound, (await f.Actions(f.FinanceA, s => s.ApproveAsync(new TaskRef(id, task), null))).Error!.Code);
        Assert.Equal(ApprovalErrors.InstanceNotFound, (await f.Inbox(f.Outsider, i => i.GetAsync(id))).Error!.Code);
        var after = await f.DetailAsync(id);
        Assert.Equal((before.Version, before.Timeline.Count), (after.Version, after.Timeline.Count));

        // Terminate needs its permission on the server, whatever the page shows.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Actions(f.Applicant, s => s.TerminateAsync(id, "no")));

        // Publishing an invalid process: the first problem comes back; no version, the draft is kept.
        var broken = new ApprovalProcess([new StartNode("start"), new ApprovalNode("a", "A", ApprovalMode.Single, []), new EndNode("end")],
            [new ProcessEdge("start", "a")]);
        var published = await f.Definitions(f.Admin, async d =>
        {
            var defId = (await d.CreateAsync(new DefinitionInput("broken", "坏流程"))).Value;
            await d.SaveDesignAsync(defId, broken, ApprovalFixture.Form, (await d.GetAsync(defId)).Value.Version);
            var result = await d.PublishAsync(defId);
            return (result, await d.GetAsync(defId));
        });
        Assert.True(published.result.IsFailure);
        Assert.StartsWith("approval.", published.result.Error!.Code);
        Assert.Empty(published.Item2.Value.Versions);
        Assert.Equal(DefinitionStatus.Draft, published.Item2.Value.Status);
        Assert.Equal(3, published.Item2.Value.DraftProcess.Nodes.Count);

        // The list shows both, with versions and running applications; search and status filter narrow it.
        var list = await f.Definitions(f.Admin, d => d.ListAsync(new DefinitionFilter(), new PageRequest()));
        Assert.Equal(2, list.TotalCount);
        var purchase = list.Items.Single(r => r.Code == ApprovalFixture.Code);
        Assert.Equal((1, 1, DefinitionStatus.Published), (purchase.LatestVersion, purchase.RunningInstances, purchase.Status));
        Assert.Equal("broken", Assert.Single((await f.Definitions(f.Admin, d => d.ListAsync(new DefinitionFilter(Status: DefinitionStatus.Draft), new PageRequest()))).Items).Code);
        Assert.Single((await f.Definitions(f.Admin, d => d.ListAsync(new DefinitionFilter("坏"), new PageRequest { Sort = [new SortSpec("name", SortDirection.Ascending)] }))).Items);

        // A duplicate code is refused by name.
        Assert.Equal(ApprovalErrors.CodeTaken, (await f.Definitions(f.Admin, d => d.CreateAsync(new DefinitionInput(ApprovalFixture.Code, "again")))).Error!.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnInstance_KeepsTheVersionItStartedOn_AfterANewVersionIsPublished(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var first = await f.StartAsync();

        // v2 drops the finance step.
        var single = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("leaders", "领导会签", ApprovalMode.Countersign, [AssigneeRule.Users(f.LeaderA.UserId!.Value)]), new EndNode("end")],
            [new ProcessEdge("start", "leaders"), new ProcessEdge("leaders", "end")]);
        await f.Definitions(f.Admin, async d =>
        {
            var version = (await d.GetAsync(f.DefinitionId)).Value.Version;
            Assert.True((await d.SaveDesignAsync(f.DefinitionId, single, ApprovalFixture.Form, version)).IsSuccess);
            Assert.Equal(2, (await d.PublishAsync(f.DefinitionId)).Value);
            return 0;
        });
        var second = await f.StartAsync();

        Assert.Equal(1, (await f.DetailAsync(first)).VersionNumber);
        Assert.Equal(2, (await f.DetailAsync(second)).VersionNumber);
        await f.ApproveAsync(first, f.LeaderA);
        await f.ApproveAsync(first, f.LeaderB);
        Assert.Equal("finance", (await f.DetailAsync(first)).CurrentNodeKey);
        await f.ApproveAsync(second, f.LeaderA);
        Assert.Equal(ApprovalStatus.Approved, (await f.DetailAsync(second)).Status);
        var versions = (await f.Definitions(f.Admin, d => d.GetAsync(f.DefinitionId))).Value.Versions;
        Assert.Equal([(2, 1), (1, 1)], versions.Select(v => (v.Number, v.Instances)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OutOfOffice_SendsNewTasksToTheDelegate_WhoActsOnBehalf(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var now = f.Harness.Clock.GetUtcNow();
        var created = await f.AsAsync(f.LeaderB, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(f.Outsider.UserId!.Value, now.AddHours(-1), now.AddDays(3), "休假")));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        Assert.Equal(ApprovalErrors.DelegationSelf, (await f.AsAsync(f.LeaderA, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(f.LeaderA.UserId!.Value, now, now.AddDays(1), null)))).Error!.Code);

        // Someone who cannot open an inbox cannot stand in, nor be handed a task.
        var bystander = await f.Harness.UserAsync("bystander");
        Assert.Equal(ApprovalErrors.UserUnknown, (await f.AsAsync(f.LeaderA, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(bystander.UserId!.Value, now, now.AddDays(1), null)))).Error!.Code);

        // The delegate holds it; the away owner still sees it (and may act if back early).
        var id = await f.StartAsync();
        Assert.Equal(1, (await f.Inbox(f.LeaderB, i => i.CountsAsync())).Todo);
        var todo = Assert.Single((await f.Inbox(f.Outsider, i => i.ListAsync(InboxBox.Todo, new InboxFilter(), new PageRequest()))).Items);
        Assert.Equal("leader_b", todo.OnBehalfOfName);
        await f.ApproveAsync(id, f.Outsider);

        var detail = await f.DetailAsync(id);
        var record = detail.Timeline.Single(t => t.ActorId == f.Outsider.UserId);
        Assert.Equal(("leader_b", f.LeaderB.UserId), (record.OnBehalfOfName, record.OnBehalfOfId));

        var other = await f.StartAsync();
        var leaderTask = await f.TaskOfAsync(other, f.LeaderA);
        Assert.Equal(ApprovalErrors.UserUnknown, (await f.Actions(f.LeaderA, s => s.TransferAsync(new TaskRef(other, leaderTask), bystander.UserId!.Value, null))).Error!.Code);

        // Cancelled: the next task is the user's own again.
        var mine = await f.AsAsync(f.LeaderB, sp => sp.GetRequiredService<IApprovalDelegationService>().MineAsync());
        Assert.True((await f.AsAsync(f.LeaderB, sp => sp.GetRequiredService<IApprovalDelegationService>().CancelAsync(Assert.Single(mine).Id))).IsSuccess);
        await f.StartAsync();
        Assert.Equal(2, (await f.Inbox(f.LeaderB, i => i.CountsAsync())).Todo);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Withdraw_Urge_Reject_AndTerminate_MoveTheInstanceAsTheRulesSay(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;

        var withdrawn = await f.StartAsync();
        Assert.True((await f.Actions(f.Applicant, s => s.UrgeAsync(withdrawn))).IsSuccess);
        Assert.Equal(ApprovalErrors.UrgeTooSoon, (await f.Actions(f.Applicant, s => s.UrgeAsync(withdrawn))).Error!.Code);
        Assert.True((await f.Actions(f.Applicant, s => s.WithdrawAsync(withdrawn, "写错了"))).IsSuccess);
        Assert.Equal(ApprovalStatus.Withdrawn, (await f.DetailAsync(withdrawn)).Status);

        var late = await f.StartAsync();
        await f.ApproveAsync(late, f.LeaderA);
        Assert.Equal(ApprovalErrors.WithdrawTooLate, (await f.Actions(f.Applicant, s => s.WithdrawAsync(late, null))).Error!.Code);
        var task = await f.TaskOfAsync(late, f.LeaderB);
        Assert.True((await f.Actions(f.LeaderB, s => s.RejectAsync(new TaskRef(late, task), "预算不足", RejectTarget.ToApplicant))).IsSuccess);
        var returned = await f.DetailAsync(late, f.Applicant);
        Assert.Equal((ApprovalStatus.Draft, true, true), (returned.Status, returned.IsReturned, returned.Allowed.CanEditDraft));
        Assert.True((await f.Actions(f.Applicant, s => s.SubmitAsync(late, ApprovalFixture.Application(800, "缩减预算")))).IsSuccess);
        Assert.Equal("leaders", (await f.DetailAsync(late)).CurrentNodeKey);

        Assert.True((await f.Actions(f.Admin, s => s.TerminateAsync(late, "项目取消"))).IsSuccess);
        var terminated = await f.DetailAsync(late);
        Assert.Equal(ApprovalStatus.Cancelled, terminated.Status);
        Assert.All(terminated.Tasks, t => Assert.False(t.Status is ApprovalTaskStatus.Pending or ApprovalTaskStatus.Waiting));
    }

    [Fact]
    public async Task NoticesGoOutOnTheConfiguredChannels_InAppAndEmail_EachWithItsOwnTemplate()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Approvals:Notices:Channels:0"] = "Email" });
        await using var _ = f.Harness;
        await using (var db = await f.Harness.CreateDbContextAsync())
        {
            foreach (var user in await db.Users.Where(u => u.UserName!.StartsWith("leader_")).ToListAsync())
            {
                user.Email = user.UserName + "@ops.example";
            }

            await db.SaveChangesAsync();
        }

        await f.StartAsync();
        Assert.Equal(1, await f.DrainAsync());

        await using var check = await f.Harness.CreateDbContextAsync();
        var queued = await check.MessageLogs.Where(m => m.BusinessType == "approval").ToListAsync();
        Assert.Equal(2, queued.Count(m => m.Channel == MessageChannel.InApp && m.TemplateCode == "approval.task_assigned"));
        Assert.Equal(["leader_a@ops.example", "leader_b@ops.example"],
            queued.Where(m => m.Channel == MessageChannel.Email && m.TemplateCode == "approval.task_assigned.email").Select(m => m.Recipient).Order());
        Assert.True(await check.MessageTemplates.AnyAsync(t => t.Code == "approval.task_assigned.email" && t.Channel == MessageChannel.Email));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notices_LeadToTheApplication_ToDosAsInformation_ARejectionAsAWarning(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var id = await f.StartAsync();
        var task = await f.TaskOfAsync(id, f.LeaderB);
        Assert.True((await f.Actions(f.LeaderB, s => s.RejectAsync(new TaskRef(id, task), "预算不足", RejectTarget.End))).IsSuccess);

        await f.DrainAsync();

        await using var db = await f.Harness.CreateDbContextAsync();
        var queued = await db.MessageLogs.Where(m => m.BusinessType == "approval" && m.BusinessId == id.ToString()).ToListAsync();
        Assert.All(queued, m => Assert.Equal($"/workflow/instances/{id}", m.Link));
        Assert.All(queued.Where(m => m.TemplateCode == "approval.task_assigned"), m => Assert.Equal(NotificationLevel.Info, m.Level));
        Assert.Equal(NotificationLevel.Warning, Assert.Single(queued, m => m.TemplateCode == "approval.rejected").Level);

        // What the in-app sender stores for the applicant carries both.
        var notice = Notification.FromMessage(queued.Single(m => m.TemplateCode == "approval.rejected"), f.Harness.Clock.GetUtcNow());
        Assert.Equal(($"/workflow/instances/{id}", NotificationLevel.Warning), (notice.Link, notice.Level));
    }
}
