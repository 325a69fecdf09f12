using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Ops.Infrastructure.Auth.Api;

namespace Ops.Portal.Api;

/// <summary>
/// ASP.NET Core's rate limiter on <c>/api</c>: per client address for every call, per credential (the bearer token)
/// for authenticated calls, and a stricter per-address limit on <c>auth/login</c> and <c>auth/refresh</c>. A refused
/// call gets 429 with <c>Retry-After</c> and a problem body. Limits are per node, in <see cref="ApiOptions"/>.
/// </summary>
internal static class ApiRateLimits
{
    public const string PerToken = "api-token";
    public const string SignIn = "api-sign-in";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "api.rate_limited", seconds);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? PerMinute("ip:" + Address(http), Options(http).RequestsPerAddressPerMinute)
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(PerToken, http => http.Request.Headers.Authorization.ToString() is { Length: > 0 } credential
                ? PerMinute("token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), 0, 16), Options(http).RequestsPerTokenPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(SignIn, http => PerMinute("sign-in:" + Address(http), Options(http).SignInsPerAddressPerMinute));
        });
        return services;
    }

    private static ApiOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<ApiOptions>();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
