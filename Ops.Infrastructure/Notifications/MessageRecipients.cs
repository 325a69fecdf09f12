using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>One recipient of a send: the address on the channel, the user behind it, and their language.</summary>
internal sealed record MessageTarget(string Address, long? UserId, bool English);

/// <summary>
/// Expands sends' users, roles, departments and raw addresses into distinct channel addresses: the same few queries
/// for one send or for many (role members, department members, the users themselves).
/// </summary>
internal static class MessageRecipients
{
    public static async Task<IReadOnlyList<IReadOnlyList<MessageTarget>>> ResolveAsync(
        OpsDbContext db, IReadOnlyList<(MessageChannel Channel, SendRequest Request)> sends, CancellationToken cancellationToken)
    {
        var userIds = await MessageRecipientUsers.IdsAsync(db, sends.Select(s => s.Request).ToList(), cancellationToken);
        var all = userIds.SelectMany(ids => ids).Distinct().ToList();
        var users = all.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => all.Contains(u.Id) && u.IsActive)
                .Select(u => new User(u.Id, u.Email, u.PhoneNumber, u.PreferredCulture)).ToDictionaryAsync(u => u.Id, cancellationToken);
        return sends.Select((send, i) => Targets(send.Channel, send.Request, userIds[i], users)).ToList();
    }

    private static IReadOnlyList<MessageTarget> Targets(MessageChannel channel, SendRequest request, HashSet<long> userIds, Dictionary<long, User> users) =>
        userIds.Order().Where(users.ContainsKey).Select(id => users[id])
            .Select(u => (Address: AddressOf(channel, u.Id, u.Email, u.PhoneNumber), UserId: (long?)u.Id,
                English: u.PreferredCulture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true))
            .Concat(request.Addresses.Select(a => (Address: (string?)a.Trim(), UserId: (long?)null, English: false)))
            .Where(t => !string.IsNullOrEmpty(t.Address))
            .DistinctBy(t => t.Address)
            .Select(t => new MessageTarget(t.Address!, t.UserId, t.English))
            .ToList();

    /// <summary>Where a user is reached on a channel; robots and webhooks use the channel's own target.</summary>
    private static string? AddressOf(MessageChannel channel, long userId, string? email, string? phone) => channel switch
    {
        MessageChannel.Email => email,
        MessageChannel.Sms => phone,
        MessageChannel.InApp => userId.ToString(CultureInfo.InvariantCulture),
        _ => "default",
    };

    private sealed record User(long Id, string? Email, string? PhoneNumber, string? PreferredCulture);
}
