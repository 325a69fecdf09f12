using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

public sealed record AvatarImage(byte[] Content, string ContentType);

/// <summary>Stores and serves user pictures: PNG, JPEG or WebP by their magic bytes, at most 512 KB.</summary>
public sealed class AvatarStore(IDbContextFactory<OpsDbContext> factory)
{
    public static string? SniffContentType(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    /// <summary>
    /// Replaces the user's picture; a bad file changes nothing. Internal: the profile (the caller's own picture) and the
    /// user service (with the update permission and data scope) are the ways in.
    /// </summary>
    internal async Task<Result> SaveAsync(long userId, byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0 || content.Length > UserAvatar.MaxBytes)
        {
            return Error.Invalid("auth.avatar.size", UserAvatar.MaxBytes / 1024);
        }

        if (SniffContentType(content) is not { } contentType)
        {
            return Error.Invalid("auth.avatar.type");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("auth.user.not_found");
        }

        var avatar = await db.UserAvatars.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (avatar is null)
        {
            db.UserAvatars.Add(avatar = new UserAvatar { UserId = userId });
        }

        avatar.Content = content;
        avatar.ContentType = contentType;
        user.AvatarVersion++;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<AvatarImage?> GetAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UserAvatars.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new AvatarImage(a.Content, a.ContentType)).SingleOrDefaultAsync(cancellationToken);
    }
}
