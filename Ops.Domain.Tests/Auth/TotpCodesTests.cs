using System.Text;
using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class TotpCodesTests
{
    // RFC 6238 appendix B, SHA-1 secret; the 8-digit values end in these 6 digits.
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Compute_MatchesTheRfcVectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, TotpCodes.Compute(Secret, unixSeconds / TotpCodes.StepSeconds));

    [Fact]
    public void MatchingStep_AcceptsTheWindow_AndNothingElse()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = now.ToUnixTimeSeconds() / TotpCodes.StepSeconds;

        Assert.Equal(step - 1, TotpCodes.MatchingStep(Secret, TotpCodes.Compute(Secret, step - 1), now));
        Assert.Equal(step + 1, TotpCodes.MatchingStep(Secret, TotpCodes.Compute(Secret, step + 1), now));
        Assert.Null(TotpCodes.MatchingStep(Secret, TotpCodes.Compute(Secret, step + 2), now));
    }

    [Fact]
    public void FromBase32_DecodesIdentityKeys() =>
        Assert.Equal(Encoding.ASCII.GetBytes("foobar"), TotpCodes.FromBase32("MZXW 6YTB OI======"));
}
