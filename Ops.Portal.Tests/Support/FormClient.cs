using System.Net;
using System.Text.RegularExpressions;

namespace Ops.Portal.Tests.Support;

/// <summary>Posts the static SSR account forms the way a browser does: antiforgery token and handler.</summary>
public static partial class FormClient
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string handler, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = handler,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string login, string password) =>
        client.PostFormAsync("/Account/Login", "login", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public static class ResponseExtensions
{
    /// <summary>The redirect target as path and query, whether the server sent it absolute or relative.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
