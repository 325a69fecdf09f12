using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth.Sso;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Identity and access: Identity stores, the permission guard and catalogue seeding, users, roles, departments,
/// sessions, sign-in, MFA and single sign-on (<c>/system</c>, <c>system.*</c>).
/// </summary>
public static class AuthModule
{
    public static OpsModule Definition { get; } = new(SystemPermissions.Descriptor, (s, c, e) => s.AddAuthModule(c, e), ApplyConfigurations);

    public static IServiceCollection AddAuthModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = auth.PasswordHashIterations);
        services.AddIdentityCore<OpsUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = PasswordPolicyValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
            })
            .AddRoles<OpsRole>()
            .AddEntityFrameworkStores<OpsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddClaimsPrincipalFactory<OpsUserClaimsPrincipalFactory>();

        services.AddSingleton<IUserAccessStore, UserAccessStore>();
        services.AddScoped<IPermissionGuard, PermissionGuard>();
        services.AddScoped<PermissionSeeder>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<SignInService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<UnknownUserPassword>();
        services.AddScoped<SessionService>();
        services.AddSingleton<SessionTouchGate>();
        services.AddSingleton<UserCountCache>();
        services.AddScoped<LoginRecorder>();
        services.AddScoped<MfaService>();
        services.AddScoped<PasswordChangeService>();
        services.AddScoped<AvatarStore>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<ISsoConnector, WeComConnector>();
        services.AddScoped<ISsoConnector, DingTalkConnector>();
        services.AddScoped<ISsoConnector, FeishuConnector>();
        services.AddScoped<ISsoConnector, OidcConnector>();
        services.AddScoped<SsoService>();
        services.AddScoped<IProfileService, ProfileService>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IDepartmentService, DepartmentService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IRoleService, RoleService>();
        services.AddScoped<IDataScopeProvider, DataScopeProvider>();
        services.AddScoped<PrivilegeCeiling>();
        services.AddScoped<IUserService, UserService>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IUserExchange, UserExchange>();
        services.AddSingleton(configuration.GetSection(Api.ApiOptions.SectionName).Get<Api.ApiOptions>() ?? new Api.ApiOptions());
        services.AddSingleton<Api.ApiSigningKey>();
        services.AddSingleton<Api.ApiTokenIssuer>();
        services.AddScoped<Api.ApiSignInService>();
        services.AddScoped<Api.AccessTokenService>();
        services.AddScoped<IAccessTokenService>(sp => sp.GetRequiredService<Api.AccessTokenService>());
        services.AddScoped<IServiceAccountService, ServiceAccountService>();
        return services;
    }

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(AuthModule));
}
