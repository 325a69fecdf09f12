using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// A local stand-in for the four providers' endpoints (authorize, token, user info), on a real
/// loopback port, answering as their public documentation describes. It checks the client's
/// credentials and codes, so a wrong request fails like the real service would.
/// </summary>
public sealed class SsoStandIn : IAsyncDisposable
{
    public const string ClientId = "ops-client";
    public const string Secret = "s3cret-value";

    private readonly WebApplication _app;
    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge)> _oidcCodes = new();

    private SsoStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Who the providers say signed in.</summary>
    public string UserId { get; set; } = "zhang.wei";

    public string? Email { get; set; } = "zhang.wei@ops.example";

    public string? Mobile { get; set; } = "13800000001";

    /// <summary>Sign ID tokens with a key the JWKS does not publish.</summary>
    public bool ForgeSignature { get; set; }

    public static async Task<SsoStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new SsoStandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    private static IResult Back(HttpContext context, string codeName, string code)
    {
        var redirect = context.Request.Query["redirect_uri"].ToString();
        return Results.Redirect($"{redirect}?{codeName}={code}&state={Uri.EscapeDataString(context.Request.Query["state"].ToString())}");
    }

    private void Map(WebApplication app)
    {
        // WeCom
        app.MapGet("/wwlogin/sso/login", (HttpContext c) => c.Request.Query["appid"] == ClientId && c.Request.Query["agentid"] == "1000002" ? Back(c, "code", "wecom-code") : Results.BadRequest());
        app.MapGet("/cgi-bin/gettoken", (string corpid, string corpsecret) =>
            corpid == ClientId && corpsecret == Secret ? Results.Json(new { errcode = 0, access_token = "wecom-token" }) : Results.Json(new { errcode = 40001, errmsg = "invalid credential" }));
        app.MapGet("/cgi-bin/auth/getuserinfo", (string access_token, string code) =>
            access_token == "wecom-token" && code == "wecom-code" ? Results.Json(new { errcode = 0, userid = UserId }) : Results.Json(new { errcode = 40029, errmsg = "invalid code" }));
        app.MapGet("/cgi-bin/user/get", (string access_token) => Results.Json(new { errcode = 0, name = "张伟", email = Email, mobile = Mobile }));

        // DingTalk
        app.MapGet("/oauth2/auth", (HttpContext c) => c.Request.Query["client_id"] == ClientId ? Back(c, "authCode", "dt-code") : Results.BadRequest());
        app.MapPost("/v1.0/oauth2/userAccessToken", async (HttpContext c) =>
        {
            var body = await JsonNode.ParseAsync(c.Request.Body);
            return (string?)body?["clientId"] == ClientId && (string?)body?["clientSecret"] == Secret && (string?)body?["code"] == "dt-code"
                ? Results.Json(new { accessToken = "dt-token", refreshToken = "r", expireIn = 7200 })
                : Results.Json(new { code = "invalidClient" }, statusCode: 400);
        });
        app.MapGet("/v1.0/contact/users/me", (HttpContext c) => c.Request.Headers["x-acs-dingtalk-access-token"] == "dt-token"
            ? Results.Json(new { nick = "张伟", unionId = UserId, openId = "o1", email = Email, mobile = Mobile })
            : Results.StatusCode(401));

        // Feishu
        app.MapGet("/open-apis/authen/v1/authorize", (HttpContext c) => c.Request.Query["client_id"] == ClientId ? Back(c, "code", "fs-code") : Results.BadRequest());
        app.MapPost("/open-apis/authen/v2/oauth/token", async (HttpContext c) =>
        {
            var body = await JsonNode.ParseAsync(c.Request.Body);
            return (string?)body?["client_secret"] == Secret && (string?)body?["code"] == "fs-code"
                ? Results.Json(new { code = 0, access_token = "fs-token", token_type = "Bearer" })
                : Results.Json(new { code = 20003, error_description = "invalid code" });
        });
        app.MapGet("/open-apis/authen/v1/user_info", (HttpContext c) => c.Request.Headers.Authorization == "Bearer fs-token"
            ? Results.Json(new { code = 0, data = new { user_id = UserId, union_id = "on_1", name = "张伟", email = Email, mobile = "+86" + Mobile } })
            : Results.StatusCode(401));

        // OpenID Connect
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = BaseUrl,
            authorization_endpoint = $"{BaseUrl}/authorize",
            token_endpoint = $"{BaseUrl}/token",
            userinfo_endpoint = $"{BaseUrl}/userinfo",
            jwks_uri = $"{BaseUrl}/jwks",
        }));
        app.MapGet("/authorize", (HttpContext c) =>
        {
            _oidcCodes["oidc-code"] = (c.Request.Query["nonce"].ToString(), c.Request.Query["code_challenge"].ToString());
            return Back(c, "code", "oidc-code");
        });
        app.MapPost("/token", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            if (form["client_secret"] != Secret || !_oidcCodes.TryRemove(form["code"].ToString(), out var issued)
                || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            return Results.Json(new { access_token = "oidc-token", token_type = "Bearer", id_token = IdToken(issued.Nonce) });
        });
        app.MapGet("/jwks", () =>
        {
            var key = _signingKey.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", kid = "k1", use = "sig", alg = "RS256", n = Base64Url(key.Modulus!), e = Base64Url(key.Exponent!) } } });
        });
        app.MapGet("/userinfo", (HttpContext c) => c.Request.Headers.Authorization == "Bearer oidc-token"
            ? Results.Json(new { sub = UserId, name = "张伟", email = Email, email_verified = true })
            : Results.StatusCode(401));
    }

    private string IdToken(string nonce)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = "k1", typ = "JWT" }));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = BaseUrl, aud = ClientId, sub = UserId, iat = now, exp = now + 300, nonce, email = Email, email_verified = true }));
        using var signer = ForgeSignature ? RSA.Create(2048) : null;
        var signature = (signer ?? _signingKey).SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signingKey.Dispose();
    }
}
