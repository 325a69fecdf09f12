using Bunit;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Auth.Components;
using Ops.Portal.Localization;
using Ops.Portal.Tests.Shared;

namespace Ops.Portal.Tests.Auth.Components;

/// <summary>The user dialog shows a refused value on its field and in the form's summary, and sends the dialog's key.</summary>
public sealed class UserDialogTests : PortalTestContext
{
    private readonly List<(UserInput Input, string? Key)> _saved = [];
    private readonly List<string?> _keys = [];

    public UserDialogTests()
    {
        Services.AddSingleton(Stub<IDepartmentService>.Create(("GetTreeAsync", _ => Task.FromResult<IReadOnlyList<DepartmentNode>>([]))));
        Services.AddSingleton(Stub<IRoleService>.Create(("ListAsync", _ => Task.FromResult<IReadOnlyList<RoleSummary>>([]))));
        Services.AddSingleton(Stub<IUserService>.Create(("CreateAsync", args => Task.FromResult(Create((UserInput)args[0]!, (string?)args[2])))));
        Services.AddScoped<UiErrorHandler>();
    }

    // What the service answers: its own checks (UserInputRules), a record only when they pass.
    private Result<UserCreated> Create(UserInput input, string? key)
    {
        _keys.Add(key);
        var checks = UserInputRules.Validate(input);
        if (checks.IsFailure)
        {
            return checks.Error!;
        }

        _saved.Add((input, key));
        return new UserCreated(7, null);
    }

    [Fact]
    public void ABadEmail_ShowsOnTheEmailField_AndInTheSummary_AndNothingIsSaved()
    {
        var provider = Open();
        provider.Find("#user-name").Change("alice");
        provider.Find("#user-email").Change("not-an-email");
        provider.Find("#user-password").Change("A typed password 42!");

        provider.Find("#user-save").Click();

        var expected = Services.GetRequiredService<IStringLocalizer<UiText>>()["auth.profile.email_invalid"].Value;
        provider.WaitForAssertion(() => Assert.Equal(expected, FormDialogs.FieldError(provider, "user-email")), FormDialogs.Wait);
        Assert.Contains(expected, FormDialogs.Summary(provider), StringComparison.Ordinal);
        Assert.Null(FormDialogs.FieldError(provider, "user-name"));
        Assert.Empty(_saved);
        Assert.NotEmpty(provider.FindAll("#user-save"));
    }

    [Fact]
    public void EveryTryOfOneDialog_SendsTheSameKey()
    {
        var provider = Open();
        provider.Find("#user-name").Change("bob");
        provider.Find("#user-email").Change("wrong");
        provider.Find("#user-save").Click();
        provider.WaitForAssertion(() => Assert.Single(_keys), FormDialogs.Wait);

        provider.Find("#user-email").Change("bob@ops.example");
        provider.Find("#user-save").Click();

        provider.WaitForAssertion(() => Assert.Single(_saved), FormDialogs.Wait);
        Assert.False(string.IsNullOrEmpty(_keys[0]));
        Assert.Equal(_keys[0], _saved[0].Key);
    }

    [Fact]
    public void CancelOnADirtyDialog_AsksFirst_AndKeepsTheEdits()
    {
        var provider = Open();
        provider.Find("#user-name").Change("carol");

        provider.Find("#user-cancel").Click();
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#confirm-cancel")), FormDialogs.Wait);
        provider.Find("#confirm-cancel").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#confirm-cancel")), FormDialogs.Wait);
        Assert.Equal("carol", provider.Find("#user-name").GetAttribute("value"));
    }

    [Fact]
    public void CancelOnACleanDialog_ClosesWithoutAsking()
    {
        var provider = Open();

        provider.Find("#user-cancel").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#user-name")), FormDialogs.Wait);
        Assert.Empty(provider.FindAll("#confirm-cancel"));
    }

    private IRenderedComponent<MudDialogProvider> Open()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<UserDialog>("user", new DialogParameters<UserDialog> { { d => d.UserId, null } }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#user-name")), FormDialogs.Wait);
        return provider;
    }
}
