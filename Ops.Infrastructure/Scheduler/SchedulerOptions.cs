namespace Ops.Infrastructure.Scheduler;

/// <summary>Section <c>Scheduler</c> of the configuration.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Run the scheduler in this process (jobs still can be edited when off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Quartz scheduler name; every node of one cluster uses the same.</summary>
    public string Name { get; set; } = "ops";

    /// <summary>This node's name in run logs; the machine name when empty.</summary>
    public string? NodeName { get; set; }

    /// <summary>Quartz clustering over the database; MySQL only (Quartz cannot cluster on SQLite).</summary>
    public bool Clustered { get; set; }

    /// <summary>Scheduled runs executing at once on this node; runs fired beyond it wait for a slot (<see cref="JobRunSlots"/>).</summary>
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>
    /// Triggers Quartz acquires and fires in one go (its batch, and its pool of slots, of which a run waiting for one of
    /// the <see cref="MaxConcurrency"/> slots holds one). Quartz caps a batch at its free slots, so with a pool as small
    /// as <see cref="MaxConcurrency"/> 300 jobs due in the same second were fired ten at a time, one store round after
    /// another (bench/README.md, cron).
    /// </summary>
    public int FireBatchSize { get; set; } = 300;

    public string ShellPath { get; set; } = "/bin/bash";

    public string PythonPath { get; set; } = "/usr/bin/python3";

    /// <summary>Output kept per run (shell, Python, HTTP responses).</summary>
    public int OutputLimitBytes { get; set; } = 1_048_576;

    /// <summary>How early Quartz may pick up triggers due soon, together with the ones due now (batch acquisition).</summary>
    public TimeSpan FireAheadWindow { get; set; } = TimeSpan.Zero;

    /// <summary>A fire later than this is a misfire, handled by the job's misfire policy.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running execution checks whether someone (on any node) asked to stop it.</summary>
    public TimeSpan StopPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public string Node => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;
}
