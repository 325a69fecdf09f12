using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Infrastructure.Notifications;

/// <summary>A channel at a glance: configured or not, and how its last test went.</summary>
public sealed record ChannelSummary(MessageChannel Channel, bool Configured, DateTimeOffset? LastTestAt, bool? LastTestOk, string? LastTestMessage);

/// <summary>The last <c>Send test</c> of a channel (stored beside its configuration).</summary>
public sealed record ChannelTestRecord(DateTimeOffset At, bool Ok, string Message)
{
    public static string KeyFor(MessageChannel channel) => $"channel.{channel.ToString().ToLowerInvariant()}.test";
}

/// <summary>
/// The editable configuration of any channel as one flat form; each channel reads the fields it needs.
/// <see cref="Secret"/> is write-only: it comes back empty with <see cref="HasSecret"/>, and an empty
/// value on save keeps the stored one.
/// </summary>
public sealed class ChannelConfigInput
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
    public bool HasSecret { get; set; }
    public bool ClearSecret { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 465;
    public SmtpTls Tls { get; set; } = SmtpTls.SslOnConnect;
    public string? UserName { get; set; }
    public string? From { get; set; }
    public string? FromName { get; set; }
    public string Method { get; set; } = "POST";
    public string? BodyTemplate { get; set; }
    public string ContentType { get; set; } = "application/json";

    /// <summary>Custom webhook headers, one <c>Name: value</c> per line.</summary>
    public string? Headers { get; set; }
}

/// <summary>Channel configuration for the UI: secrets encrypted at rest and never shown again; a test send per channel.</summary>
public interface IChannelConfigService
{
    Task<IReadOnlyList<ChannelSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<ChannelConfigInput> GetAsync(MessageChannel channel, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(MessageChannel channel, ChannelConfigInput input, CancellationToken cancellationToken = default);

    /// <summary>Sends a test message to <paramref name="recipient"/> now (not through the outbox) and records the result.</summary>
    Task<Result<ChannelTestRecord>> TestAsync(MessageChannel channel, string? recipient, CancellationToken cancellationToken = default);
}
