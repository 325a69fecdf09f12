using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MySqlConnector;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Benchmarks;

/// <summary>The approvals bench's data: users and the definition it seeds, the checks after a run, the wait for notices.</summary>
internal static partial class ApprovalBench
{
    private static async Task<(Actor Applicant, Actor U1, Actor U2)> SeedAsync(IServiceProvider services)
    {
        await using var system = services.CreateSystemScope();
        var sp = system.ServiceProvider;
        var roles = sp.GetRequiredService<IRoleService>();
        var todo = (await roles.CreateAsync(new("bench_approver", "Bench approver", null, null, 0, true, null, [], false))).Value;
        Check(await roles.SetGrantsAsync(todo, [ApprovalPermissions.Instances.Todo]));
        var designer = (await roles.CreateAsync(new("bench_designer", "Bench designer", null, null, 0, true, null, [], false))).Value;
        Check(await roles.SetGrantsAsync(designer, [ApprovalPermissions.Definitions.View, ApprovalPermissions.Definitions.Edit, ApprovalPermissions.Definitions.Publish]));

        async Task<Actor> UserAsync(string name, long role)
        {
            var created = await sp.GetRequiredService<IUserService>().CreateAsync(
                new UserInput(name, name, null, null, null, [role], null, [], true, false, false, false), "approval bench passphrase");
            Check(created);
            return new Actor(created.Value.Id, name, true, false);
        }

        var applicant = await UserAsync("bench.applicant", todo);
        var u1 = await UserAsync("bench.u1", todo);
        var u2 = await UserAsync("bench.u2", todo);
        var admin = await UserAsync("bench.designer", designer);

        await using var asDesigner = services.CreateScopeAs(admin);
        var definitions = asDesigner.ServiceProvider.GetRequiredService<IApprovalDefinitionService>();
        var id = (await definitions.CreateAsync(new DefinitionInput(Code, "Bench purchase", "bench"))).Value;
        var form = new ApprovalForm([new FormField("amount", "Amount", FieldType.Amount, Required: true), new FormField("reason", "Reason", FieldType.TextArea, Order: 1)]);
        var process = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("A", "A", ApprovalMode.Single, [AssigneeRule.Users(u1.UserId!.Value)]),
             new ApprovalNode("B", "B", ApprovalMode.Single, [AssigneeRule.Users(u2.UserId!.Value)]), new EndNode("end")],
            [new ProcessEdge("start", "A"), new ProcessEdge("A", "B"), new ProcessEdge("B", "end")]);
        var version = (await definitions.GetAsync(id)).Value.Version;
        Check(await definitions.SaveDesignAsync(id, process, form, version));
        Check(await definitions.PublishAsync(id));
        return (applicant, u1, u2);
    }

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(result.Error!.ToString());
        }
    }

    /// <summary>Every measured instance Approved, 3 records each, task 1 at A and task 2 at B both approved.</summary>
    private static async Task VerifyAsync(IServiceProvider services, long firstId, int expected)
    {
        await using var scope = services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var states = await db.ApprovalInstances.Where(i => i.Id >= firstId).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var approved = states.Where(s => s.Key == ApprovalStatus.Approved).Sum(s => s.Count);
        var records = await db.ApprovalRecords.CountAsync(r => r.InstanceId >= firstId);
        var actions = await db.ApprovalRecords.Where(r => r.InstanceId >= firstId).GroupBy(r => r.Action).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var goodTasks = await db.ApprovalTasks.CountAsync(t => t.InstanceId >= firstId && t.Status == ApprovalTaskStatus.Approved
            && ((t.Number == 1 && t.NodeKey == "A") || (t.Number == 2 && t.NodeKey == "B")));
        var tasks = await db.ApprovalTasks.CountAsync(t => t.InstanceId >= firstId);
        var messages = await db.MessageLogs.CountAsync(m => m.BusinessType == "approval");
        var ok = approved == expected && records == 3 * expected && goodTasks == 2 * expected && tasks == 2 * expected;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  check: {approved:N0}/{expected:N0} Approved ({string.Join(", ", states.Select(s => $"{s.Key} {s.Count}"))}); t_workflow_record rows {records:N0} (expected {3 * expected:N0}: {string.Join(", ", actions.Select(a => $"{a.Key} {a.Count}"))}); tasks {tasks:N0}, approved at the right node {goodTasks:N0}; approval messages queued so far (incl. warm-up; the rest follow through the outbox) {messages:N0} → {(ok ? "OK" : "MISMATCH")}"));
    }

    /// <summary>How long the approval outbox and then the message outbox take to deliver the in-app notices the run queued.</summary>
    private static async Task DrainAsync(IServiceProvider services, TimeSpan run)
    {
        var clock = Stopwatch.StartNew();
        var pending = await WaitForOutboxAsync(services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  outbox: {(pending == 0 ? "all in-app notices delivered" : $"{pending:N0} still pending")} {clock.Elapsed.TotalSeconds:F1} s after the last transition ({run.TotalSeconds + clock.Elapsed.TotalSeconds:F1} s after the first)"));
    }

    /// <summary>Waits (at most 5 minutes) until both outboxes are empty; returns what is still pending.</summary>
    private static async Task<int> WaitForOutboxAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        int pending;
        do
        {
            await using var scope = services.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            // Notices wait first in the approval outbox (queued with each action), then in the message outbox.
            pending = await db.ApprovalCallbacks.CountAsync(c => c.Status == CallbackStatus.Pending || c.Status == CallbackStatus.Sending)
                + await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Sending);
            if (pending > 0)
            {
                await Task.Delay(250);
            }
        }
        while (pending > 0 && clock.Elapsed < TimeSpan.FromSeconds(300));

        return pending;
    }

    /// <summary>The real message service with the wall time of each send added up per step.</summary>
}
