namespace Ops.Infrastructure.Auth;

public static class OpsClaimTypes
{
    public const string MustChangePassword = "ops:must_change_password";
    public const string DisplayName = "ops:display_name";
    public const string MustEnrolMfa = "ops:must_enrol_mfa";
}
