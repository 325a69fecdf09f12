namespace Ops.Portal.Api;

/// <summary>Query parameters that minimal APIs read too strictly for an API that writes camelCase.</summary>
internal static class ApiQuery
{
    /// <summary>
    /// An enum value by name, in any case (<c>shell</c>, <c>Shell</c>), as the JSON bodies write them; absent is null;
    /// anything else is a 400 naming the values it may take.
    /// </summary>
    public static T? Enum<T>(string? value, string parameter)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsDigit(value.Trim()[0])
            ? parsed
            : throw new BadHttpRequestException(
                $"'{value}' is not a value of {parameter}: {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
    }
}
