using System.Reflection;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// Every public state-changing service method is either probed by the permission matrix or on the reviewed list of
/// self-service and anonymous methods below. A new method in neither fails here.
/// <para>
/// The rule. <b>Service types</b>: every public interface or class of Ops.Domain or Ops.Infrastructure registered in
/// dependency injection by <c>AddOpsInfrastructure</c> (what a page can inject), plus every public Ops.Domain interface
/// named <c>I…Service</c>. <b>Methods</b>: their public instance methods that return <see cref="Task"/> or
/// <see cref="ValueTask"/>. <b>State-changing</b>: all of those except reads, which are named as reads — a name that
/// starts with one of <see cref="ReadPrefixes"/>, or one of the few reads named for what they return
/// (<see cref="NamedReads"/>). Internal members are out of scope: no page reaches them
/// (<see cref="PageCallsTests"/> proves that for components).
/// </para>
/// </summary>
public sealed class ServiceSurfaceTests
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Find", "Search", "Count", "Export", "Options", "Query", "Read", "Open", "Is", "Has", "Check", "Validate"];

    private static readonly HashSet<string> NamedReads = new(StringComparer.Ordinal)
    {
        "IApprovalInbox.AllAsync", "IApprovalInbox.CountsAsync", "IApprovalDelegationService.MineAsync", "IApprovalDefinitionService.ApplicableAsync",
        "IApprovalDefinitionService.CallbacksAsync", "IJobRunService.HistoryAsync", "IJobRunService.RecentAsync", "IJobRunService.OutputAsync",
        "IFlowRunService.InstancesAsync", "IJobFlowService.JobOptionsAsync", "IUserDirectory.ByIdsAsync", "IUserExchange.TemplateAsync",
        "INotificationService.UnreadCountAsync", "SsoService.EnabledAsync", "PrivilegeCeiling.CallerAsync", "IDataSourceService.SchemaAsync",
    };

    /// <summary>Reviewed: methods that act for the caller alone (their own data) or before anyone is signed in.</summary>
    internal static readonly IReadOnlyDictionary<string, string> SelfServiceOrAnonymous = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IProfileService.UpdateAsync"] = "own profile: the user is the guard's caller, no id parameter",
        ["IProfileService.SetThemeAsync"] = "own preference, caller only",
        ["IProfileService.SetCultureAsync"] = "own preference, caller only",
        ["IProfileService.SetTimeZoneAsync"] = "own display time zone, caller only",
        ["IProfileService.SignOutOtherSessionsAsync"] = "own sessions, caller only",
        ["IProfileService.SetAvatarAsync"] = "own picture, caller only",
        ["IProfileService.UnbindSsoAsync"] = "own SSO binding, caller only",
        ["MfaService.BeginAsync"] = "own authenticator enrolment, caller only",
        ["MfaService.ConfirmAsync"] = "own authenticator enrolment, caller only",
        ["MfaService.RegenerateRecoveryCodesAsync"] = "own recovery codes, caller only, needs the password",
        ["MfaService.DisableAsync"] = "own MFA, caller only, needs the password",
        ["SsoService.LinkAsync"] = "binds the provider account to the caller, never to an id",
        ["SsoService.BeginAsync"] = "anonymous: starts an SSO sign-in (a challenge, nothing stored)",
        ["SsoService.CompleteAsync"] = "anonymous: SSO callback, proven by the provider's code and our state",
        ["SignInService.PasswordSignInAsync"] = "anonymous: password sign-in, throttled and logged",
        ["SignInService.VerifyMfaAsync"] = "anonymous: second step for the user named by the protected MFA challenge cookie",
        ["RegistrationService.RegisterAsync"] = "anonymous: self-registration, off unless enabled, accounts wait for approval",
        ["INotificationService.MarkReadAsync"] = "own notifications, filtered to the caller",
        ["INotificationService.MarkAllReadAsync"] = "own notifications, filtered to the caller",
        ["INotificationService.DeleteAsync"] = "own notifications, filtered to the caller",
        ["INotificationSettingsService.SetAsync"] = "own notification preferences, caller only",
        ["PasswordChangeService.ChangeAsync"] = "own password: the caller's, proven by the current one; a wrong one counts toward lockout",
        ["IAccessTokenService.CreateMineAsync"] = "own access token: the owner is the guard's caller, scopes within what the caller holds",
        ["IAccessTokenService.RevokeMineAsync"] = "own access token, filtered to the caller",
        ["IAccessTokenService.GrantableScopesAsync"] = "the caller's own permission codes (read)",
    };

    /// <summary>
    /// Reviewed: plumbing that module services call after their own check, or that acts only as its caller. Each is public
    /// because a public service's constructor names it.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> Plumbing = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IPermissionGuard.DemandAsync"] = "the check itself",
        ["IPermissionGuard.DemandAnyAsync"] = "the check itself",
        ["IPermissionGuard.RequireUserIdAsync"] = "the check itself",
        ["DataSourceAccess.DemandUsableAsync"] = "the data-source use check the data-source and job services call",
        ["DataSourceAccess.UsableAsync"] = "a filter by the caller's use grants (read)",
        ["DataSourceAccess.WhereUsableAsync"] = "a filter by the caller's use grants (read)",
        ["IAuditTrail.RecordAsync"] = "appends an audit line; the trail stamps the current actor itself",
        ["IEventBus.PublishAsync"] = "in-process bus; services publish after their own check, events carry no authority",
        ["OpsDbContext.SaveChangesAsync"] = "EF; pages never get a context (architecture rule), services check first",
        ["IJobExecutor.ExecuteAsync"] = "runs a job for JobRunner, reached only after JobRunService or the system scheduler",
        ["IProcessRunner.RunAsync"] = "runs a process for the shell and Python executors only",
        ["RunningJobs.GateAsync"] = "overlap gate held by JobRunner while a job runs",
        ["IMessageSender.SendAsync"] = "delivers an outbox row for the dispatcher (system), after the message service checked",
        ["ISsoConnector.AuthorizeUrlAsync"] = "builds a provider address for SsoService",
        ["ISsoConnector.RedeemAsync"] = "redeems a provider code for SsoService",
    };

    [Fact]
    public async Task EveryStateChangingServiceMethod_IsProbed_OrReviewedAsSelfService()
    {
        var surface = await StateChangingMethodsAsync();
        var probed = PermissionProbes.All.Select(p => Key(p.Service, p.Method)).ToHashSet(StringComparer.Ordinal);

        var reviewed = SelfServiceOrAnonymous.Keys.Concat(Plumbing.Keys).ToList();
        var unreviewed = surface.Where(m => !probed.Contains(m) && !reviewed.Contains(m)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unreviewed.Count == 0, "neither probed nor reviewed:\n" + string.Join("\n", unreviewed));

        var stale = reviewed.Where(k => !surface.Contains(k) || probed.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "reviewed entries that are gone or also probed:\n" + string.Join("\n", stale));
        Assert.All(NamedReads, r => Assert.DoesNotContain(r, surface));
    }

    [Fact]
    public void SelfServiceMethods_TakeNoUserId()
    {
        // A self-service method that took a user id would let a page name someone else.
        var offenders = new[] { typeof(IProfileService), typeof(MfaService), typeof(Ops.Infrastructure.Auth.Sso.SsoService), typeof(SessionService), typeof(PasswordChangeService), typeof(Ops.Domain.Auth.IAccessTokenService) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => SelfServiceOrAnonymous.ContainsKey(Key(m.DeclaringType!, m.Name)) || m.DeclaringType == typeof(SessionService))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(OpsUser)
                || (p.ParameterType == typeof(long) && p.Name!.Contains("user", StringComparison.OrdinalIgnoreCase))))
            .Select(m => Key(m.DeclaringType!, m.Name)).ToList();

        Assert.Empty(offenders);
    }

    private static async Task<HashSet<string>> StateChangingMethodsAsync()
    {
        IServiceCollection? registered = null;
        await using (await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, migrate: false, configure: s => registered = s))
        {
        }

        Assembly[] ours = [typeof(Ops.Domain.Common.ICurrentUser).Assembly, typeof(IProfileService).Assembly];
        var types = registered!.Select(d => d.ServiceType)
            .Concat(ours[0].GetExportedTypes().Where(t => t.IsInterface && t.Name.EndsWith("Service", StringComparison.Ordinal)))
            .Where(t => ours.Contains(t.Assembly) && t.IsVisible && !t.IsGenericTypeDefinition && (t.IsInterface || t.IsClass))
            .Distinct();
        return types.SelectMany(t => (t.IsInterface ? t.GetInterfaces().Append(t) : [t])
                .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => !m.IsSpecialName && IsAsync(m.ReturnType))
                .Select(m => Key(m.DeclaringType!, m.Name)))
            .Where(k => !IsRead(k))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    private static bool IsRead(string key) =>
        NamedReads.Contains(key) || ReadPrefixes.Any(p => key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..].StartsWith(p, StringComparison.Ordinal));

    private static string Key(Type type, string method) => $"{type.Name}.{method}";
}
