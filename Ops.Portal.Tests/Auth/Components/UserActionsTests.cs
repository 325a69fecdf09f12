using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Auth.Components;

namespace Ops.Portal.Tests.Auth.Components;

/// <summary>The row menu of the user list offers "unlock" only for a user who is locked out now (it was offered for everyone).</summary>
public sealed class UserActionsTests : PortalTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public UserActionsTests()
    {
        Services.AddSingleton<TimeProvider>(new ManualClock(Now));
        Services.AddSingleton(Unused<IUserAdministration>.Create());
        Services.AddScoped<UiErrorHandler>();
        Authorization.SetPolicies(Policies.For(SystemPermissions.Users.Unlock), Policies.For(SystemPermissions.Users.Update));
    }

    [Fact]
    public void ALockedUser_IsOfferedUnlock()
    {
        var menu = OpenMenu(Row(lockedUntil: Now.AddMinutes(10)));

        Assert.Single(menu.FindAll(".user-unlock"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    public void AUserNotLockedNow_IsNotOfferedUnlock(int? lockEndedMinutesAgo)
    {
        var menu = OpenMenu(Row(lockedUntil: lockEndedMinutesAgo is { } m ? Now.AddMinutes(m) : null));

        Assert.Single(menu.FindAll(".user-edit"));
        Assert.Empty(menu.FindAll(".user-unlock"));
    }

    private IRenderedComponent<Host> OpenMenu(UserRow row)
    {
        var host = Render<Host>(p => p.Add(h => h.User, row));
        host.Find(".user-actions button").Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".user-edit")));
        return host;
    }

    private static UserRow Row(DateTimeOffset? lockedUntil) => new(
        7, "li.na", "李娜", null, null, null, null, [], true, false, false, false, false, 3, null, lockedUntil is null ? 0 : 5, lockedUntil, false, Now.AddDays(-30), 0);

    /// <summary>The menu renders its items in a popover, so the provider must be on the page.</summary>
    private sealed class Host : ComponentBase
    {
        [Parameter] public UserRow User { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<UserActions>(1);
            builder.AddComponentParameter(2, nameof(UserActions.User), User);
            builder.CloseComponent();
        }
    }
}
