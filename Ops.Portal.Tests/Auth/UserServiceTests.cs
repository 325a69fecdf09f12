using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class UserServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static UserInput Input(string userName, string? email = null, string? phone = null) =>
        new(userName, "测试", email, phone, null, [], null, [], true, false, false, false);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadInput_GetsAClearError_AndSavesNothing(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();
        Assert.True((await users.CreateAsync(Input("taken", "taken@ops.example"), null)).IsSuccess);

        async Task<string> CodeOf(UserInput input) => (await users.CreateAsync(input, null)).Error!.Code;
        Assert.Equal("auth.user.duplicate_name", await CodeOf(Input("TAKEN")));
        Assert.Equal("auth.user.duplicate_email", await CodeOf(Input("other", "Taken@ops.example")));
        Assert.Equal("auth.profile.email_invalid", await CodeOf(Input("x1", "not-an-email")));
        Assert.Equal("auth.profile.phone_invalid", await CodeOf(Input("x2", phone: "12345")));
        Assert.Equal("common.too_long", await CodeOf(Input(new string('u', 65))));
        Assert.Equal("common.code_invalid", await CodeOf(Input("has space")));
        Assert.Equal("auth.department.not_found", await CodeOf(Input("x3") with { DepartmentId = 999_999 }));
        Assert.Equal("auth.role.not_found", await CodeOf(Input("x4") with { RoleIds = [999_999] }));
        Assert.Equal("auth.data_scope.custom_empty", await CodeOf(Input("x5") with { DataScope = DataScope.Custom }));
        Assert.Equal("auth.password.too_common", (await users.CreateAsync(Input("x6"), "password1")).Error!.Code);

        var all = await users.QueryAsync(new UserFilter(), new PageRequest());
        Assert.Equal(["taken"], all.Items.Select(u => u.UserName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_RetriedWithTheDialogsKey_ReturnsTheFirstUser_InsteadOfNameTaken(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();
        var key = Guid.NewGuid().ToString("N");

        var first = await users.CreateAsync(Input("retried"), null, key);
        var again = await users.CreateAsync(Input("retried"), null, key);
        var otherForm = await users.CreateAsync(Input("retried"), null, Guid.NewGuid().ToString("N"));

        Assert.True(first.IsSuccess);
        Assert.Equal(first.Value.Id, again.Value.Id);
        Assert.Equal("auth.user.duplicate_name", otherForm.Error!.Code);
        var all = await users.QueryAsync(new UserFilter(), new PageRequest());
        Assert.Equal(["retried"], all.Items.Select(u => u.UserName));
    }

    [Fact]
    public async Task RefusedInput_NamesTheFieldOfTheUserDialog()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();
        Assert.True((await users.CreateAsync(Input("named", "named@ops.example"), null)).IsSuccess);

        async Task<string?> FieldOf(UserInput input, string? password = null) => (await users.CreateAsync(input, password)).Error!.Field;
        Assert.Equal("field.user_name", await FieldOf(Input("named")));
        Assert.Equal("profile.email", await FieldOf(Input("n1", "named@ops.example")));
        Assert.Equal("profile.email", await FieldOf(Input("n2", "not-an-email")));
        Assert.Equal("profile.phone", await FieldOf(Input("n3", phone: "12345")));
        Assert.Equal("profile.department", await FieldOf(Input("n4") with { DepartmentId = 999_999 }));
        Assert.Equal("field.roles", await FieldOf(Input("n5") with { RoleIds = [999_999] }));
        Assert.Equal("user.initial_password", await FieldOf(Input("n6"), "short"));
    }

    [Fact]
    public async Task OnlyASuperuser_MakesSuperusers()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var admins = await harness.RoleAsync("user.admins", DataScope.All, null, SystemPermissions.Users.View, SystemPermissions.Users.Create, SystemPermissions.Users.Update);
        harness.CurrentUser.Actor = await harness.UserAsync("delegate", roles: [admins]);

        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserService>().CreateAsync(Input("sneaky") with { IsSuperuser = true }, null));

        Assert.Equal("auth.user.superuser_only", result.Error!.Code);
    }

    [Fact]
    public async Task Create_WithoutPassword_GeneratesOneThatMustBeChanged()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;

        var created = (await harness.InScopeAsync(sp => sp.GetRequiredService<IUserService>().CreateAsync(Input("fresh"), null))).Value;

        Assert.NotNull(created.InitialPassword);
        await using var db = await harness.CreateDbContextAsync();
        Assert.True((await db.Users.SingleAsync(u => u.Id == created.Id)).MustChangePassword);
    }

    [Fact]
    public async Task Create_WithATypedPassword_MustAlsoBeChangedAtFirstSignIn()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;

        var created = (await harness.InScopeAsync(sp => sp.GetRequiredService<IUserService>().CreateAsync(Input("typed"), "Typed by the admin 42!"))).Value;

        Assert.Null(created.InitialPassword);
        await using var db = await harness.CreateDbContextAsync();
        Assert.True((await db.Users.SingleAsync(u => u.Id == created.Id)).MustChangePassword);
    }

    [Fact]
    public async Task ResetPassword_MustBeChangedAtTheNextSignIn()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var id = (await harness.UserAsync("forgetful")).UserId!.Value;

        var reset = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserAdministration>().ResetPasswordAsync(id));

        Assert.True(reset.IsSuccess, reset.Error?.ToString());
        await using var db = await harness.CreateDbContextAsync();
        Assert.True((await db.Users.SingleAsync(u => u.Id == id)).MustChangePassword);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_SearchSortAndPage(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var it = await harness.DepartmentAsync("IT");
        var ops = await harness.DepartmentAsync("OPS", it);
        var role = await harness.RoleAsync("oncall");
        await harness.UserAsync("alpha", it, [role]);
        await harness.UserAsync("bravo", ops);
        await harness.UserAsync("charlie");
        harness.CurrentUser.Actor = Actor.System;

        async Task<string[]> Names(UserFilter filter, string? search = null) =>
            (await harness.InScopeAsync(sp => sp.GetRequiredService<IUserService>().QueryAsync(filter, new PageRequest { Search = search, Sort = [new SortSpec("userName", SortDirection.Descending)] })))
                .Items.Select(u => u.UserName).ToArray();

        Assert.Equal(["charlie", "bravo", "alpha"], await Names(new UserFilter()));
        Assert.Equal(["bravo", "alpha"], await Names(new UserFilter { DepartmentId = it }));
        Assert.Equal(["alpha"], await Names(new UserFilter { DepartmentId = it, IncludeSubDepartments = false }));
        Assert.Equal(["alpha"], await Names(new UserFilter { RoleId = role }));
        Assert.Equal(["bravo"], await Names(new UserFilter(), "rav"));
        var page = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserService>().QueryAsync(new UserFilter(), new PageRequest { Page = 1, PageSize = 2 }));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["charlie"], page.Items.Select(u => u.UserName));
    }

    [Fact]
    public async Task Disable_EndsSessions_AndIsRefusedForOneself()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var target = await harness.UserAsync("leaving");
        await harness.AsSystemAsync(sp => sp.GetRequiredService<Ops.Infrastructure.Auth.SessionService>().StartAsync(target.UserId!.Value, null));
        var admins = await harness.RoleAsync("enablers", DataScope.All, null, SystemPermissions.Users.Enable);
        harness.CurrentUser.Actor = await harness.UserAsync("boss", roles: [admins]);

        var self = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserAdministration>().SetActiveAsync([harness.CurrentUser.Actor.UserId!.Value], false));
        var done = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserAdministration>().SetActiveAsync([target.UserId!.Value], false));

        Assert.Equal("auth.user.cannot_disable_self", self.Error!.Code);
        Assert.Equal(1, done.Value);
        await using var db = await harness.CreateDbContextAsync();
        Assert.All(await db.UserSessions.Where(s => s.UserId == target.UserId).ToListAsync(), s => Assert.NotNull(s.RevokedAt));
        Assert.False((await db.Users.SingleAsync(u => u.Id == target.UserId)).IsActive);
    }
}
