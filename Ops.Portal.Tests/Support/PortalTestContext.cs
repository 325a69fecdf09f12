using System.Globalization;
using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Ops.Portal.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// bUnit context with MudBlazor services (no snackbar transitions), loose JS interop, the portal's
/// localization and a permission guard that grants exactly <see cref="Granted"/>.
/// </summary>
public abstract class PortalTestContext : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, OpsMudLocalizer>();
        Services.AddSingleton<IPermissionGuard>(Guard);
        Services.AddSingleton<Ops.Infrastructure.Common.IEventBus, Ops.Infrastructure.Common.InMemoryEventBus>();
        Services.AddScoped<Ops.Portal.Common.LiveEvents>();
        Services.AddSingleton<Ops.Infrastructure.Auth.IUserAccessStore, NoAccessCache>();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ViewerTime>();
        Services.AddScoped<SheetDownload>();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("tester");
        UseCulture(Cultures.English);
    }

    protected FakePermissionGuard Guard { get; } = new();

    /// <summary>The signed-in test user ("tester"); tests add claims (a user id) through it.</summary>
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        base.Dispose(disposing);
    }
}

/// <summary>The fake guard answers directly; there is nothing to cache.</summary>
public sealed class NoAccessCache : Ops.Infrastructure.Auth.IUserAccessStore
{
    public Task<Ops.Infrastructure.Auth.UserAccess> GetAsync(long userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ops.Infrastructure.Auth.UserAccess.None);

    public void Invalidate(long userId)
    {
    }
}

public sealed class FakePermissionGuard : IPermissionGuard
{
    public HashSet<string> Granted { get; } = new(StringComparer.Ordinal);

    public Task DemandAsync(string permission, CancellationToken cancellationToken = default) =>
        Granted.Contains(permission) ? Task.CompletedTask : throw new ForbiddenException(permission);

    public Task<bool> HasAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult(Granted.Contains(permission));

    public Task<long> RequireUserIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(1L);
}
