namespace Ops.Portal.Tests.Support;

/// <summary>
/// Tests that set process-wide state (environment variables) or read the log: Serilog writes through
/// its static logger, which the last host built owns, so a log is only this host's while it runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide";
}
