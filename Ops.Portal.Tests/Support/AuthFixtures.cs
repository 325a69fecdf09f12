using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Support;

/// <summary>Builds organisations for auth tests through the real services, acting as the system.</summary>
public static class AuthFixtures
{
    public static async Task<T> AsSystemAsync<T>(this InfrastructureHarness harness, Func<IServiceProvider, Task<T>> action)
    {
        var previous = harness.CurrentUser.Actor;
        harness.CurrentUser.Actor = Actor.System;
        try
        {
            return await harness.InScopeAsync(action);
        }
        finally
        {
            harness.CurrentUser.Actor = previous;
        }
    }

    public static Task<long> DepartmentAsync(this InfrastructureHarness harness, string code, long? parent = null) =>
        harness.AsSystemAsync(async sp => (await sp.GetRequiredService<IDepartmentService>().CreateAsync(new(code, code, parent, null, 0))).Value);

    public static Task<long> RoleAsync(this InfrastructureHarness harness, string code, DataScope? scope = null, IReadOnlyCollection<long>? custom = null, params string[] grants) =>
        harness.AsSystemAsync(async sp =>
        {
            var roles = sp.GetRequiredService<IRoleService>();
            var id = (await roles.CreateAsync(new(code, code, null, null, 0, true, scope, custom ?? [], false))).Value;
            Assert.True((await roles.SetGrantsAsync(id, grants)).IsSuccess);
            return id;
        });

    public static Task<Actor> UserAsync(this InfrastructureHarness harness, string userName, long? department = null,
        IReadOnlyCollection<long>? roles = null, DataScope? scope = null, IReadOnlyCollection<long>? custom = null) =>
        harness.AsSystemAsync(async sp =>
        {
            var input = new UserInput(userName, null, null, null, department, roles ?? [], scope, custom ?? [], true, false, false, false);
            var created = await sp.GetRequiredService<IUserService>().CreateAsync(input, "a long test passphrase");
            Assert.True(created.IsSuccess, created.Error?.ToString());
            return new Actor(created.Value.Id, userName, true, false);
        });
}
