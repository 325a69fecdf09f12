using Microsoft.Net.Http.Headers;

namespace Ops.Portal.Api;

/// <summary>
/// <c>ETag</c> on single resources that carry a version, and <c>If-Match</c> on their updates: a stale version is
/// refused with 412 instead of overwriting someone else's change. Without <c>If-Match</c> an update applies to the
/// version current at that moment, as scripts expect.
/// </summary>
internal static class ApiETags
{
    public static string Of(string version) => new EntityTagHeaderValue("\"" + version + "\"").ToString();

    public static void Set(HttpContext http, string version) => http.Response.Headers.ETag = Of(version);

    /// <summary>The version <c>If-Match</c> names, or null when the request sent none (or <c>*</c>).</summary>
    public static string? IfMatch(HttpContext http) =>
        http.Request.Headers.IfMatch.ToString().Trim() is { Length: > 0 } value and not "*"
            ? value.TrimStart('W', '/').Trim('"')
            : null;

    /// <summary>The integer version an update applies to: <c>If-Match</c>'s (a malformed one matches nothing), else <paramref name="current"/>.</summary>
    public static int Version(HttpContext http, int current) =>
        IfMatch(http) is { } tag ? int.TryParse(tag, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1 : current;

    /// <summary>
    /// An update of a versioned resource: 404 (as a problem) when <paramref name="current"/> finds none, else
    /// <paramref name="update"/> at <c>If-Match</c>'s version or the current one (a stale one answers 412), then the
    /// resource as it now is.
    /// </summary>
    public static async Task<IResult> UpdateAsync<T>(
        HttpContext http, Task<Ops.Domain.Common.Result<T>> current, Func<T, int> versionOf, Func<int, Task<Ops.Domain.Common.Result>> update, Func<Task<IResult>> reread)
    {
        var now = await current;
        if (now.IsFailure)
        {
            return ApiProblems.For(http, now.Error!);
        }

        var updated = await update(Version(http, versionOf(now.Value)));
        return updated.IsFailure ? ApiProblems.ForUpdate(http, updated.Error!) : await reread();
    }
}
