using Microsoft.AspNetCore.Mvc.Testing;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>A password an admin typed for a new user is known to the admin, so the first sign-in goes to the change page.</summary>
public sealed class FirstSignInTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task UserCreatedWithATypedPassword_IsSentToChangeItAtFirstSignIn()
    {
        await using var factory = new OpsWebFactory();
        await using (var scope = ActorScopes.CreateSystemScope(factory.Services))
        {
            var input = new UserInput("typed.first", "首次", null, null, null, [], null, [], true, false, false, false);
            var created = await scope.ServiceProvider.GetRequiredService<IUserService>().CreateAsync(input, "typed by the admin 42");
            Assert.True(created.IsSuccess, created.Error?.ToString());
        }

        var client = factory.CreateClient(NoRedirects);
        var login = await client.LoginAsync("typed.first", "typed by the admin 42");

        Assert.Equal("/Account/Manage/ChangePassword?forced=true", login.RedirectPath());
        Assert.Equal("/Account/Manage/ChangePassword?forced=true", (await client.GetAsync("/dashboard")).RedirectPath());
    }
}
