using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>One recipient of a send: the address on the channel, the user behind it, and their language.</summary>
internal sealed record MessageTarget(string Address, long? UserId, bool English);

/// <summary>Expands a send's users, roles, departments and raw addresses into distinct channel addresses.</summary>
internal static class MessageRecipients
{
    public static async Task<IReadOnlyList<MessageTarget>> ResolveAsync(OpsDbContext db, MessageChannel channel, SendRequest request, CancellationToken cancellationToken)
    {
        var userIds = await UserIdsAsync(db, request, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.PreferredCulture }).ToListAsync(cancellationToken);
        return users
            .Select(u => (Address: AddressOf(channel, u.Id, u.Email, u.PhoneNumber), UserId: (long?)u.Id,
                English: u.PreferredCulture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true))
            .Concat(request.Addresses.Select(a => (Address: (string?)a.Trim(), UserId: (long?)null, English: false)))
            .Where(t => !string.IsNullOrEmpty(t.Address))
            .DistinctBy(t => t.Address)
            .Select(t => new MessageTarget(t.Address!, t.UserId, t.English))
            .ToList();
    }

    /// <summary>The named users, the members of the roles, and everyone in the departments' subtrees: three queries at most.</summary>
    private static async Task<List<long>> UserIdsAsync(OpsDbContext db, SendRequest request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.ToHashSet();
        if (request.RoleIds is { Count: > 0 } roles)
        {
            ids.UnionWith(await db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => r.UserId).ToListAsync(cancellationToken));
        }

        if (request.DepartmentIds is { Count: > 0 } departments)
        {
            var subtree = DepartmentPaths.DescendantIds(db, departments);
            ids.UnionWith(await db.Users.Where(u => u.DepartmentId != null && subtree.Contains(u.DepartmentId.Value)).Select(u => u.Id).ToListAsync(cancellationToken));
        }

        return ids.ToList();
    }

    /// <summary>Where a user is reached on a channel; robots and webhooks use the channel's own target.</summary>
    private static string? AddressOf(MessageChannel channel, long userId, string? email, string? phone) => channel switch
    {
        MessageChannel.Email => email,
        MessageChannel.Sms => phone,
        MessageChannel.InApp => userId.ToString(CultureInfo.InvariantCulture),
        _ => "default",
    };
}
