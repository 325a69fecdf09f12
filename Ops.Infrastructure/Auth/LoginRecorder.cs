using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Audit;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>Writes a <see cref="LoginLog"/> row for every sign-in attempt; internal, so only the sign-in steps write the log.</summary>
public sealed class LoginRecorder(IDbContextFactory<OpsDbContext> factory, TimeProvider clock, ILogger<LoginRecorder> logger)
{
    internal async Task RecordAsync(long? userId, string userName, LoginType type, LoginResult result, string? reason, RequestOrigin? origin)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            db.LoginLogs.Add(new LoginLog(clock.GetUtcNow(), userId, userName, type, result, reason, origin));
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // A lost log line must not turn a sign-in into an error page.
            logger.LogError(ex, "Login log lost for {UserName} ({Result})", userName, result);
        }
    }
}
