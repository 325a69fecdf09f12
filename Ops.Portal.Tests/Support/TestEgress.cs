namespace Ops.Portal.Tests.Support;

/// <summary>
/// The test peers (webhook receivers, HTTP targets, SSO stand-ins, SMS gateways) listen on this machine, which the
/// egress policy refuses by default: tests allow loopback unless they test the refusal (they blank these keys).
/// </summary>
public static class TestEgress
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Egress:Allow:0"] = "127.0.0.1",
        ["Egress:Allow:1"] = "::1",
        ["Egress:Allow:2"] = "localhost",
    };

    /// <summary>Settings that take loopback off the allow-list again.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Strict = Settings.ToDictionary(kv => kv.Key, _ => (string?)"");
}
