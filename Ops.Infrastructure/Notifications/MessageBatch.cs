using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// What the senders look up once per outbox batch instead of once per message: the active users among the batch's in-app
/// recipients, and each channel's settings. Scoped: the outbox resolves it in the scope of one pass and
/// <see cref="MessageDelivery"/> prepares it there, so nothing outlives the pass. Outside a pass (a channel test from a
/// page) it is never prepared and the senders look up every time, as a settings change must show at once.
/// </summary>
internal sealed class MessageBatch(IDbContextFactory<OpsDbContext> factory, SettingsStore settings)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _settings = new();
    private IReadOnlySet<long>? _asked;
    private IReadOnlySet<long> _active = new HashSet<long>();

    public bool Prepared { get; private set; }

    /// <summary>Looks up at once which of the in-app recipients of <paramref name="messages"/> are active users.</summary>
    public async Task PrepareAsync(IReadOnlyList<MessageLog> messages, CancellationToken cancellationToken)
    {
        var users = messages.Where(m => m.Channel == MessageChannel.InApp && m.UserId is not null).Select(m => m.UserId!.Value).ToHashSet();
        if (users.Count > 0)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            _active = (await db.Users.AsNoTracking().Where(u => users.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        _asked = users;
        Prepared = true;
    }

    /// <summary>Whether the user is active, if this batch looked them up; null when the caller must look up itself.</summary>
    public bool? IsActive(long userId) => _asked is not null && _asked.Contains(userId) ? _active.Contains(userId) : null;

    /// <summary>A channel's settings: read once per prepared batch, every time otherwise.</summary>
    public async Task<T?> SettingAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        if (!Prepared)
        {
            return await settings.GetAsync<T?>(key, null, cancellationToken);
        }

        // The first sender of the batch reads for all; not tied to its token, as the others wait on the same read.
        var read = _settings.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await settings.GetAsync<T?>(key, null, CancellationToken.None)));
        return (T?)await read.Value.WaitAsync(cancellationToken);
    }
}
