using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>Every problem of a flow input: its settings, each node's overrides, and the graph itself.</summary>
internal static partial class FlowRules
{
    /// <summary>Jobs outside <paramref name="visibleJobs"/> (the caller's scope) count as missing: their names do not leak.</summary>
    public static async Task<IReadOnlyList<FlowProblem>> ProblemsAsync(IQueryable<Job> visibleJobs, FlowInput input, CancellationToken cancellationToken)
    {
        var problems = Settings(input).ToList();
        var jobIds = input.Nodes.Select(n => n.JobId).Distinct().ToList();
        var jobs = await visibleJobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .ToDictionaryAsync(j => j.Id, j => new FlowJobInfo(j.Id, j.Name, j.Enabled), cancellationToken);
        problems.AddRange(Nodes(input));
        var nodes = input.Nodes.Select(n => new FlowNodeSpec(n.Key, n.JobId, n.Policy)).ToList();
        var edges = input.Edges.Select(e => new FlowEdgeSpec(e.From, e.To)).ToList();
        var graphProblems = FlowGraph.Validate(nodes, edges, jobs);
        problems.AddRange(graphProblems);
        if (graphProblems.Count == 0)
        {
            problems.AddRange(References(input, new FlowGraph(nodes, edges)));
        }

        return problems;
    }

    public static Error ToError(FlowProblem problem) => Error.Invalid(problem.Code, problem.Args);

    private static IEnumerable<FlowProblem> Settings(FlowInput input)
    {
        if (TextRules.Required(input.Name, JobFlow.NameMaxLength, "field.name") is { IsFailure: true } name)
        {
            yield return new FlowProblem(name.Error!.Code, [], [.. name.Error.Args]);
        }

        if (input.Description is { Length: > JobFlow.DescriptionMaxLength })
        {
            yield return new FlowProblem("common.too_long", [], "field.description", JobFlow.DescriptionMaxLength);
        }

        if (CronRules.FindTimeZone(input.TimeZone) is null)
        {
            yield return new FlowProblem("scheduler.job.timezone_invalid", []);
        }

        if (!string.IsNullOrWhiteSpace(input.Cron) && CronRules.Check(input.Cron) is { } cron)
        {
            yield return new FlowProblem(cron.Code, [], cron.Args);
        }

        if (input.MaxParallel is < 1 or > JobFlow.MaxParallelLimit)
        {
            yield return new FlowProblem("scheduler.flow.parallel_invalid", [], JobFlow.MaxParallelLimit);
        }
    }

    private static IEnumerable<FlowProblem> Nodes(FlowInput input)
    {
        foreach (var node in input.Nodes)
        {
            if (!KeyPattern().IsMatch(node.Key ?? ""))
            {
                yield return new FlowProblem("scheduler.flow.key_invalid", [node.Key ?? ""], node.Key ?? "");
            }

            if (!FlowParameters.Valid(node.Parameters) || node.Parameters?.Length > JobLog.ParamsMaxLength)
            {
                yield return new FlowProblem("scheduler.flow.parameters_invalid", [node.Key ?? ""], node.Key ?? "");
            }

            if (node.RetryCount is < 0 or > Job.MaxRetries || node.TimeoutSeconds is < 1 or > Job.MaxTimeoutSeconds || !Enum.IsDefined(node.Policy))
            {
                yield return new FlowProblem("scheduler.flow.override_invalid", [node.Key ?? ""], node.Key ?? "");
            }
        }
    }

    /// <summary><c>${nodes.x.result}</c> may only name a node upstream of the one using it.</summary>
    private static IEnumerable<FlowProblem> References(FlowInput input, FlowGraph graph)
    {
        foreach (var node in input.Nodes)
        {
            foreach (var reference in FlowParameters.References(node.Parameters))
            {
                var upstream = graph.Nodes.Any(n => n.Key == reference) && graph.AllDownstream(reference).Contains(node.Key);
                if (!upstream)
                {
                    yield return new FlowProblem("scheduler.flow.reference_not_upstream", [node.Key], node.Key, reference);
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyPattern();
}
