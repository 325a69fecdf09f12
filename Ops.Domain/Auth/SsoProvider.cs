using Ops.Domain.Common;

namespace Ops.Domain.Auth;

public enum SsoKind
{
    WeCom,
    DingTalk,
    Feishu,
    Oidc,
}

/// <summary>
/// A single sign-on provider as an administrator configured it. The secret is stored protected
/// and never sent back to a browser.
/// </summary>
public sealed class SsoProvider : AuditableEntity, IChangeTracked, IVersioned
{
    public const int TextMaxLength = 256;

    private SsoProvider()
    {
    }

    public SsoProvider(SsoKind kind) => Kind = kind;

    public SsoKind Kind { get; private set; }

    public bool Enabled { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>WeCom corp id, DingTalk client id (AppKey), Feishu app id, OIDC client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>WeCom only: the agent id of the self-built application.</summary>
    public string? AgentId { get; set; }

    /// <summary>Protected with Data Protection.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>OIDC issuer; for the others an optional base address of a private deployment.</summary>
    public string? Authority { get; set; }

    public string? Scopes { get; set; }

    /// <summary>The first sign-in may link to the user with the same verified e-mail.</summary>
    public bool AllowEmailMatch { get; set; }

    /// <summary>The first sign-in may link to the user with the same mobile number.</summary>
    public bool AllowPhoneMatch { get; set; }

    public int Version { get; private set; }
}
