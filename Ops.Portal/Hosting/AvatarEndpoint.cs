using System.Globalization;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>
/// <c>GET /avatars/{userId}?v=n</c>: a user's picture for signed-in users. The version in the query
/// changes with each upload, so the picture may be cached for long.
/// </summary>
internal static class AvatarEndpoint
{
    public static string Url(long userId, int version) => $"/avatars/{userId.ToString(CultureInfo.InvariantCulture)}?v={version.ToString(CultureInfo.InvariantCulture)}";

    public static void MapAvatarEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/avatars/{userId:long}", async (long userId, AvatarStore avatars, HttpContext context) =>
        {
            var avatar = await avatars.GetAsync(userId, context.RequestAborted);
            if (avatar is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(avatar.Content, avatar.ContentType);
        }).RequireAuthorization();
}
