using Ops.Domain.Auth;

namespace Ops.Infrastructure.Auth.Sso;

/// <summary>
/// WeCom (企业微信) web login: QR code on the login host, then gettoken with the corp secret and
/// auth/getuserinfo for the member's userid; user/get adds e-mail and mobile when permitted.
/// </summary>
internal sealed class WeComConnector(IHttpClientFactory clients) : ISsoConnector
{
    public SsoKind Kind => SsoKind.WeCom;

    public Task<string> AuthorizeUrlAsync(SsoProviderSettings provider, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken) =>
        Task.FromResult($"{SsoHttp.Base(provider.Authority, "https://login.work.weixin.qq.com")}/wwlogin/sso/login?" + SsoHttp.Query(
            ("login_type", "CorpApp"), ("appid", provider.ClientId), ("agentid", provider.AgentId), ("redirect_uri", redirectUri), ("state", challenge.State)));

    public async Task<SsoIdentity> RedeemAsync(SsoProviderSettings provider, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken)
    {
        var code = callback.GetValueOrDefault("code") ?? throw new SsoException("sso_failed", "no code");
        var api = SsoHttp.Base(provider.Authority, "https://qyapi.weixin.qq.com");
        var http = clients.CreateClient(nameof(SsoKind.WeCom));
        var token = Check(await SsoHttp.GetAsync(http, $"{api}/cgi-bin/gettoken?" + SsoHttp.Query(("corpid", provider.ClientId), ("corpsecret", provider.Secret)), cancellationToken));
        var accessToken = SsoHttp.Required(token, "access_token");
        var info = Check(await SsoHttp.GetAsync(http, $"{api}/cgi-bin/auth/getuserinfo?" + SsoHttp.Query(("access_token", accessToken), ("code", code)), cancellationToken));
        var userId = SsoHttp.Optional(info, "userid") ?? throw new SsoException("sso_not_member", "not a member of the corporation");
        var detail = await SsoHttp.GetAsync(http, $"{api}/cgi-bin/user/get?" + SsoHttp.Query(("access_token", accessToken), ("userid", userId)), cancellationToken);
        var known = detail["errcode"]?.GetValue<int>() == 0;
        var bizMail = known ? SsoHttp.Optional(detail, "biz_mail") : null;

        // Only the corporation's own mailbox counts as verified; a member's free-form e-mail does not.
        return new SsoIdentity(userId, known ? SsoHttp.Optional(detail, "name") : null, bizMail ?? (known ? SsoHttp.Optional(detail, "email") : null),
            EmailVerified: bizMail is not null, known ? SsoHttp.Optional(detail, "mobile") : null);
    }

    private static System.Text.Json.Nodes.JsonNode Check(System.Text.Json.Nodes.JsonNode node) =>
        node["errcode"]?.GetValue<int>() is null or 0 ? node : throw new SsoException("sso_failed", $"WeCom errcode {node["errcode"]}: {node["errmsg"]}");
}

/// <summary>
/// DingTalk (钉钉) OAuth 2: login host with scope openid, then userAccessToken and contact/users/me
/// with the x-acs-dingtalk-access-token header; the stable id is the unionId.
/// </summary>
internal sealed class DingTalkConnector(IHttpClientFactory clients) : ISsoConnector
{
    public SsoKind Kind => SsoKind.DingTalk;

    public Task<string> AuthorizeUrlAsync(SsoProviderSettings provider, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken) =>
        Task.FromResult($"{SsoHttp.Base(provider.Authority, "https://login.dingtalk.com")}/oauth2/auth?" + SsoHttp.Query(
            ("redirect_uri", redirectUri), ("response_type", "code"), ("client_id", provider.ClientId), ("scope", "openid"), ("state", challenge.State), ("prompt", "consent")));

    public async Task<SsoIdentity> RedeemAsync(SsoProviderSettings provider, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken)
    {
        var code = callback.GetValueOrDefault("authCode") ?? callback.GetValueOrDefault("code") ?? throw new SsoException("sso_failed", "no authCode");
        var api = SsoHttp.Base(provider.Authority, "https://api.dingtalk.com");
        var http = clients.CreateClient(nameof(SsoKind.DingTalk));
        var token = await SsoHttp.PostJsonAsync(http, $"{api}/v1.0/oauth2/userAccessToken",
            new { clientId = provider.ClientId, clientSecret = provider.Secret, code, grantType = "authorization_code" }, cancellationToken);
        var accessToken = SsoHttp.Required(token, "accessToken");
        var me = await SsoHttp.GetAsync(http, $"{api}/v1.0/contact/users/me", cancellationToken, r => r.Headers.Add("x-acs-dingtalk-access-token", accessToken));
        // DingTalk does not say the address was verified, so it never links by itself.
        return new SsoIdentity(SsoHttp.Required(me, "unionId"), SsoHttp.Optional(me, "nick"), SsoHttp.Optional(me, "email"),
            EmailVerified: false, SsoHttp.Optional(me, "mobile"));
    }
}

/// <summary>
/// Feishu (飞书) OAuth 2: the accounts authorize page, then the v2 token endpoint and
/// authen/v1/user_info; the stable id is the tenant user_id, else the union_id.
/// </summary>
internal sealed class FeishuConnector(IHttpClientFactory clients) : ISsoConnector
{
    public SsoKind Kind => SsoKind.Feishu;

    public Task<string> AuthorizeUrlAsync(SsoProviderSettings provider, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken) =>
        Task.FromResult($"{SsoHttp.Base(provider.Authority, "https://accounts.feishu.cn")}/open-apis/authen/v1/authorize?" + SsoHttp.Query(
            ("client_id", provider.ClientId), ("redirect_uri", redirectUri), ("state", challenge.State), ("scope", provider.Scopes)));

    public async Task<SsoIdentity> RedeemAsync(SsoProviderSettings provider, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken)
    {
        var code = callback.GetValueOrDefault("code") ?? throw new SsoException("sso_failed", "no code");
        var api = SsoHttp.Base(provider.Authority, "https://open.feishu.cn");
        var http = clients.CreateClient(nameof(SsoKind.Feishu));
        var token = await SsoHttp.PostJsonAsync(http, $"{api}/open-apis/authen/v2/oauth/token",
            new { grant_type = "authorization_code", client_id = provider.ClientId, client_secret = provider.Secret, code, redirect_uri = redirectUri }, cancellationToken);
        if (token["code"]?.GetValue<int>() is { } error && error != 0)
        {
            throw new SsoException("sso_failed", $"Feishu code {error}: {token["error_description"] ?? token["msg"]}");
        }

        var accessToken = SsoHttp.Required(token, "access_token");
        var info = await SsoHttp.GetAsync(http, $"{api}/open-apis/authen/v1/user_info", cancellationToken,
            r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken));
        var data = info["data"];
        var id = SsoHttp.Optional(data, "user_id") ?? SsoHttp.Required(data, "union_id");
        // The tenant's enterprise mailbox is managed by the tenant; a personal address is not verified.
        var enterprise = SsoHttp.Optional(data, "enterprise_email");
        return new SsoIdentity(id, SsoHttp.Optional(data, "name"), enterprise ?? SsoHttp.Optional(data, "email"), EmailVerified: enterprise is not null,
            SsoHttp.Optional(data, "mobile")?.Replace("+86", "", StringComparison.Ordinal));
    }
}
