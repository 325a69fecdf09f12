using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

/// <summary>The sentences the scheduler stores on runs and flow nodes: codes, put into words when shown.</summary>
public static class RunTexts
{
    public static readonly string StoppedByUser = StoredText.Of("job.run.error.stopped").Encode();

    public static readonly string StoppedBeforeStart = StoredText.Of("job.run.error.stopped_before_start").Encode();

    public static readonly string Overlap = StoredText.Of("job.run.error.overlap").Encode();

    public static readonly string Interrupted = StoredText.Of("job.run.error.interrupted").Encode();

    /// <summary>Interrupted, and the run's processes had ended on their own before the restart: their outcome was not seen.</summary>
    public static readonly string InterruptedUnseen = StoredText.Of("job.run.error.interrupted_unseen").Encode();

    /// <summary>Interrupted, and the run's processes were still running at the restart, which ended them.</summary>
    public static readonly string InterruptedAndEnded = StoredText.Of("job.run.error.interrupted_ended").Encode();

    public static readonly string ProcessKilled = StoredText.Of("job.run.error.killed").Encode();

    public static readonly string StoppedWhileWaitingToRetry = StoredText.Of("flow.node.error.stopped_retry").Encode();

    public static string TimedOut(int seconds) => StoredText.Of("job.run.error.timed_out", seconds).Encode();

    public static string DataSourceMissing(long id) => StoredText.Of("job.run.error.datasource_missing", id).Encode();

    public static string InvalidConfig(string code) => StoredText.Of("job.run.error.invalid_config", code).Encode();

    /// <summary>
    /// An HTTP job's request that failed before any answer, by what failed: the operating system's own message
    /// ("Connection refused (host:port)") is English whatever the viewer reads.
    /// </summary>
    public static string HttpFailed(System.Net.Http.HttpRequestError error) => error switch
    {
        System.Net.Http.HttpRequestError.ConnectionError => StoredText.Of("job.run.error.http_connect").Encode(),
        System.Net.Http.HttpRequestError.NameResolutionError => StoredText.Of("job.run.error.http_dns").Encode(),
        System.Net.Http.HttpRequestError.SecureConnectionError => StoredText.Of("job.run.error.http_tls").Encode(),
        _ => StoredText.Of("job.run.error.http_other", error).Encode(),
    };
}
