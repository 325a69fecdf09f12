using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>Nobody hands out more than they hold (review findings F1–F5).</summary>
public sealed class PrivilegeCeilingTests
{
    private static UserInput Input(string name, long? department = null, IReadOnlyCollection<long>? roles = null) =>
        new(name, null, null, null, department, roles ?? [], null, [], true, false, false, false);

    [Fact]
    public async Task NonSuperusers_CannotResetDisableOrUnlockASuperuser()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var root = await harness.UserAsync("root.user");
        await harness.AsSystemAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            (await db.Users.SingleAsync(u => u.Id == root.UserId)).IsSuperuser = true;
            return await db.SaveChangesAsync();
        });
        var helpdesk = await harness.RoleAsync("helpdesk", DataScope.All, null,
            SystemPermissions.Users.ResetPassword, SystemPermissions.Users.Enable, SystemPermissions.Users.Unlock);
        harness.CurrentUser.Actor = await harness.UserAsync("help.desk", roles: [helpdesk]);

        var admin = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserAdministration>();
        Assert.Equal("auth.user.superuser_only", (await admin.ResetPasswordAsync(root.UserId!.Value)).Error!.Code);
        Assert.Equal("auth.user.superuser_only", (await admin.SetActiveAsync([root.UserId.Value], false)).Error!.Code);
        Assert.Equal("auth.user.superuser_only", (await admin.UnlockAsync(root.UserId.Value)).Error!.Code);
    }

    [Fact]
    public async Task RolesAndScopes_CannotExceedTheCallersOwn_NorBeChangedOnOneself()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var powerful = await harness.RoleAsync("powerful", null, null, SystemPermissions.Roles.Grant, SystemPermissions.Sso.Manage);
        var modest = await harness.RoleAsync("modest", null, null, SystemPermissions.Users.View);
        var editors = await harness.RoleAsync("editors", DataScope.All, null, SystemPermissions.Users.View, SystemPermissions.Users.Update, SystemPermissions.Users.Create);
        var editor = await harness.UserAsync("editor", roles: [editors]);
        var colleague = await harness.UserAsync("colleague");
        harness.CurrentUser.Actor = editor;
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();

        async Task<string?> UpdateAsync(long id, Func<UserInput, UserInput> change)
        {
            var detail = (await users.GetAsync(id)).Value;
            return (await users.UpdateAsync(id, change(detail.Input), detail.ConcurrencyStamp)).Error?.Code;
        }

        Assert.Equal("auth.user.own_access", await UpdateAsync(editor.UserId!.Value, i => i with { RoleIds = [editors, powerful] }));
        Assert.Equal("auth.role.beyond_own", await UpdateAsync(colleague.UserId!.Value, i => i with { RoleIds = [powerful] }));
        Assert.Null(await UpdateAsync(colleague.UserId.Value, i => i with { RoleIds = [modest] }));
        Assert.Equal("auth.role.beyond_own", (await users.CreateAsync(Input("sneak", roles: [powerful]), null)).Error!.Code);
        Assert.Equal("auth.user.sso_ids_superuser_only", await UpdateAsync(colleague.UserId.Value, i => i with { WeComId = "someone" }));
    }

    [Fact]
    public async Task Granters_CannotGrantWhatTheyLack_NorEditTheirOwnRole()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var granters = await harness.RoleAsync("granters", null, null, SystemPermissions.Roles.Grant, SystemPermissions.Users.View);
        var other = await harness.RoleAsync("other");
        harness.CurrentUser.Actor = await harness.UserAsync("granter", roles: [granters]);
        var roles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IRoleService>();

        Assert.Equal("auth.permission.beyond_own", (await roles.SetGrantsAsync(other, [SystemPermissions.Sso.Manage])).Error!.Code);
        Assert.Equal("auth.user.own_access", (await roles.SetGrantsAsync(granters, [SystemPermissions.Roles.Grant, SystemPermissions.Users.View, SystemPermissions.Users.Export])).Error!.Code);
        Assert.True((await roles.SetGrantsAsync(other, [SystemPermissions.Users.View])).IsSuccess);
    }

    [Fact]
    public async Task DepartmentScopedAdmins_StayInsideTheirDepartments()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var it = await harness.DepartmentAsync("IT");
        var finance = await harness.DepartmentAsync("FIN");
        var local = await harness.RoleAsync("local.admins", DataScope.Department, null,
            SystemPermissions.Users.View, SystemPermissions.Users.Create, SystemPermissions.Users.Update, SystemPermissions.Departments.Update);
        harness.CurrentUser.Actor = await harness.UserAsync("it.admin", it, [local]);
        var scope = harness.Services.CreateScope().ServiceProvider;

        Assert.Equal("auth.department.beyond_scope", (await scope.GetRequiredService<IUserService>().CreateAsync(Input("fin.new", finance), null)).Error!.Code);
        Assert.True((await scope.GetRequiredService<IUserService>().CreateAsync(Input("it.new", it), null)).IsSuccess);
        Assert.Equal("auth.department.beyond_scope", (await scope.GetRequiredService<IDepartmentService>().UpdateAsync(finance, new("FIN", "FIN", it, null, 0), 1)).Error!.Code);
        Assert.Equal("auth.data_scope.beyond_own", (await scope.GetRequiredService<IUserService>().CreateAsync(Input("it.wide", it) with { DataScope = DataScope.All }, null)).Error!.Code);
    }

    [Fact]
    public async Task EditingAUser_DoesNotEnableThem_WithoutTheEnablePermission()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var target = await harness.UserAsync("dormant");
        await harness.AsSystemAsync(async sp => await sp.GetRequiredService<IUserAdministration>().SetActiveAsync([target.UserId!.Value], false));
        var editors = await harness.RoleAsync("plain.editors", DataScope.All, null, SystemPermissions.Users.View, SystemPermissions.Users.Update);
        harness.CurrentUser.Actor = await harness.UserAsync("plain.editor", roles: [editors]);
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();
        var detail = (await users.GetAsync(target.UserId!.Value)).Value;

        var result = await users.UpdateAsync(target.UserId.Value, detail.Input with { IsActive = true }, detail.ConcurrencyStamp);

        Assert.Equal("common.forbidden", result.Error!.Code);
    }

    [Fact]
    public async Task ResetPassword_EndsEverySessionOfTheAccount()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var target = await harness.UserAsync("forgetful");
        await harness.AsSystemAsync(sp => sp.GetRequiredService<Ops.Infrastructure.Auth.SessionService>().StartAsync(target.UserId!.Value, null));
        harness.CurrentUser.Actor = Actor.System;

        var reset = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserAdministration>().ResetPasswordAsync(target.UserId!.Value));

        Assert.True(reset.IsSuccess);
        await using var db = await harness.CreateDbContextAsync();
        Assert.All(await db.UserSessions.Where(s => s.UserId == target.UserId).ToListAsync(), s => Assert.NotNull(s.RevokedAt));
    }

    [Fact]
    public async Task SsoIds_AreOnePerUser()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var users = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IUserService>();
        Assert.True((await users.CreateAsync(Input("first") with { WeComId = "wx.1" }, null)).IsSuccess);

        Assert.Equal("auth.sso.linked_elsewhere", (await users.CreateAsync(Input("second") with { WeComId = "wx.1" }, null)).Error!.Code);
    }
}
