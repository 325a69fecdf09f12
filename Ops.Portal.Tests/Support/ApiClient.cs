using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Support;

/// <summary>A bearer pair as <c>auth/login</c> and <c>auth/refresh</c> return it.</summary>
public sealed record ApiTokenPair(string AccessToken, string RefreshToken, string? PendingStep);

/// <summary>Calls <c>/api/v1</c> of an <see cref="OpsWebFactory"/> as an integration would: JSON and bearer tokens, no cookies.</summary>
public static class ApiClient
{
    public const string Passphrase = "a long test passphrase";

    public static HttpClient CreateApiClient(this OpsWebFactory factory, string? token = null, string culture = "en-US")
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string login, string password, string? mfaCode = null) =>
        await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password, mfaCode });

    /// <summary>Signs in through the API and returns the pair; fails the test on anything but 200.</summary>
    public static async Task<ApiTokenPair> ApiLoginAsync(this OpsWebFactory factory, string login, string password = Passphrase)
    {
        using var client = factory.CreateApiClient();
        var response = await client.PostLoginAsync(login, password);
        return await TokensOf(response);
    }

    public static async Task<ApiTokenPair> TokensOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new ApiTokenPair(root.GetProperty("accessToken").GetString()!, root.GetProperty("refreshToken").GetString()!,
            root.TryGetProperty("pendingStep", out var step) && step.ValueKind == JsonValueKind.String ? step.GetString() : null);
    }

    /// <summary>The problem document of a refused call: its status, <c>code</c> and <c>detail</c>.</summary>
    public static async Task<(HttpStatusCode Status, string Code, string Detail, JsonElement Body)> ProblemOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        return (response.StatusCode, root.GetProperty("code").GetString()!, root.GetProperty("detail").GetString()!, root);
    }

    /// <summary>A user with a role holding <paramref name="grants"/> (none: no role), made through the services as the system.</summary>
    public static async Task<long> CreateUserAsync(this OpsWebFactory factory, string userName, params string[] grants)
    {
        await using var scope = factory.Services.CreateSystemScope();
        var roles = scope.ServiceProvider.GetRequiredService<IRoleService>();
        List<long> roleIds = [];
        if (grants.Length > 0)
        {
            var roleId = (await roles.CreateAsync(new RoleInput("r_" + userName, "r_" + userName, null, null, 0, true, DataScope.All, [], false))).Value;
            Assert.True((await roles.SetGrantsAsync(roleId, grants)).IsSuccess);
            roleIds.Add(roleId);
        }

        var input = new UserInput(userName, null, null, null, null, roleIds, null, [], true, false, false, false);
        var created = await scope.ServiceProvider.GetRequiredService<IUserService>().CreateAsync(input, Passphrase);
        Assert.True(created.IsSuccess, created.Error?.ToString());

        // An administrator's password is a first password that must be changed; these users have chosen theirs.
        var manager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OpsUser>>();
        var user = await manager.FindByIdAsync(created.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        user!.MustChangePassword = false;
        await manager.UpdateAsync(user);
        return created.Value.Id;
    }
}
