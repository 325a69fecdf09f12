using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Ops.Infrastructure.Reports.Queries.ClickHouse;

/// <summary>What a ClickHouse error answer means: <c>Code: 159, e.displayText() = DB::Exception: …</c>.</summary>
internal static partial class ClickHouseError
{
    public const int Timeout = 159;
    public const int Readonly = 164;
    private static readonly int[] AccountCodes = [192, 193, 194, 195, 516];

    public static int? Code(string error) =>
        CodePattern().Match(error) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    public static bool IsErrorLine(string line) => line.StartsWith("Code: ", StringComparison.Ordinal) && line.Contains("DB::Exception", StringComparison.Ordinal);

    /// <summary>The account's profile refuses a setting the query asked for (as opposed to refusing a write).</summary>
    public static bool RefusesSetting(string error) =>
        error.Contains("override", StringComparison.OrdinalIgnoreCase) || error.Contains("overrided", StringComparison.OrdinalIgnoreCase)
        || error.Contains("Cannot modify", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's own words, without the exception type and the C++ decoration around them.</summary>
    public static string Message(string error)
    {
        var match = MessagePattern().Match(error);
        return match.Success ? match.Groups[1].Value.Trim() : error;
    }

    public static Exception ToException(HttpStatusCode status, string error, int timeoutSeconds) => Code(error) switch
    {
        Timeout => new QueryTimeoutException(timeoutSeconds, new QueryEngineException(Message(error))),
        { } code when AccountCodes.Contains(code) => new DataSourceUnreachableException(Message(error)),
        null when status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new DataSourceUnreachableException($"HTTP {(int)status}"),
        _ => new QueryEngineException(Message(error)),
    };

    [GeneratedRegex(@"^Code:\s*(\d+)")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"DB::Exception:\s*(.*?)(?:,\s*e\.what\(\)|\s*\(version [^)]*\)|$)", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();
}
