using System.Net;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class AvatarTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Profile_AcceptsAPicture_AndRefusesOthersUnchanged()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = await harness.UserAsync("pictured");
        var profiles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IProfileService>();

        Assert.True((await profiles.SetAvatarAsync(Png)).IsSuccess);
        Assert.Equal("auth.avatar.type", (await profiles.SetAvatarAsync("<svg onload=alert(1)>"u8.ToArray())).Error!.Code);
        Assert.Equal("auth.avatar.size", (await profiles.SetAvatarAsync(new byte[UserAvatar.MaxBytes + 1])).Error!.Code);

        var profile = await profiles.GetAsync();
        Assert.Equal(1, profile.AvatarVersion);
        var stored = await harness.Services.CreateScope().ServiceProvider.GetRequiredService<AvatarStore>().GetAsync(profile.Id);
        Assert.Equal("image/png", stored!.ContentType);
        Assert.Equal(Png, stored.Content);
    }

    [Fact]
    public async Task Endpoint_ServesToSignedInUsersOnly()
    {
        await using var factory = new OpsWebFactory();
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        long adminId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            adminId = (await db.Users.SingleAsync(u => u.UserName == "admin")).Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<AvatarStore>().SaveAsync(adminId, Png)).IsSuccess);
        }

        var served = await client.GetAsync($"/avatars/{adminId}?v=1");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/avatars/{adminId}?v=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/avatars/999999")).StatusCode);
    }
}
