using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Auth.Components;

namespace Ops.Portal.Tests.Auth.Components;

/// <summary>
/// Search in the role grant tree: it shows the matches (by code or name) with their ancestors, expanded, hides the rest,
/// and what is checked under hidden nodes stays checked and is saved.
/// </summary>
public sealed class RoleGrantsSearchTests : PortalTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly FakeRoles _roles = new(["scheduler", "scheduler.jobs.view", "scheduler.jobs.run", "system", "system.users.view", "system.users.unlock"]);

    public RoleGrantsSearchTests()
    {
        Services.AddSingleton<IRoleService>(_roles);
        Services.AddSingleton<IPermissionService>(new FakePermissions());
        Services.AddScoped<UiErrorHandler>();
    }

    [Fact]
    public void Search_ShowsMatchesWithTheirAncestorsExpanded_AndHidesTheRest()
    {
        var provider = Open();

        Search(provider, "logs.clear");
        provider.WaitForAssertion(() => Assert.Equal(["scheduler", "scheduler.logs.view", "scheduler.logs.clear"], Shown(provider)), Wait);

        Search(provider, "Unlock users");
        provider.WaitForAssertion(() => Assert.Equal(["system", "system.users.view", "system.users.unlock"], Shown(provider)), Wait);

        Search(provider, "");
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#grant-tree li.d-none")), Wait);
        Assert.Contains("scheduler.jobs.view", Shown(provider));
    }

    [Fact]
    public async Task CheckingAMatch_KeepsWhatIsCheckedUnderHiddenNodes()
    {
        var provider = Open();
        Search(provider, "logs.clear");
        provider.WaitForAssertion(() => Assert.Equal(3, Shown(provider).Count), Wait);

        await provider.InvokeAsync(() => Item(provider, "scheduler.logs.clear").QuerySelector(".mud-treeview-item-content input")!.Change(true));
        Search(provider, "");
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#grant-tree li.d-none")), Wait);
        provider.Find("#grant-save").Click();

        var saved = await _roles.Saved.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(
            ["scheduler", "scheduler.jobs.run", "scheduler.jobs.view", "scheduler.logs.clear", "scheduler.logs.view", "system", "system.users.unlock", "system.users.view"],
            saved.Order(StringComparer.Ordinal));
    }

    private IRenderedComponent<MudDialogProvider> Open()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var role = new RoleSummary(5, "ops", "Ops", null, null, 0, true, DataScope.All, [], false, 0, 0, "stamp");
        provider.InvokeAsync(() => dialogs.ShowAsync<RoleGrantsDialog>("grants", new DialogParameters<RoleGrantsDialog> { { d => d.Role, role } }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#grant-tree li")));
        return provider;
    }

    /// <summary>Types into the search box; the tree follows after the box's debounce.</summary>
    private static void Search(IRenderedComponent<MudDialogProvider> provider, string text) => provider.Find("#grant-search").Input(text);

    private static IElement Item(IRenderedComponent<MudDialogProvider> provider, string code) => provider.Find($"#grant-tree li[data-code='{code}']");

    private static List<string> Shown(IRenderedComponent<MudDialogProvider> provider) =>
        [.. provider.FindAll("#grant-tree li[data-code]")
            .Where(li => !li.ClassList.Contains("d-none") && !li.Ancestors<IElement>().Any(a => a.ClassList.Contains("d-none")))
            .Select(li => li.GetAttribute("data-code")!)];

    private static PermissionNode Node(string code, PermissionType type, params PermissionNode[] children) =>
        new(0, code, "perm." + code, type, code.Split('.')[0], null, null, children);

    private sealed class FakePermissions : IPermissionService
    {
        public Task<IReadOnlyList<PermissionNode>> GetTreeAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PermissionNode>>(
        [
            Node("scheduler", PermissionType.Menu,
                Node("scheduler.jobs.view", PermissionType.Menu, Node("scheduler.jobs.run", PermissionType.Button), Node("scheduler.jobs.delete", PermissionType.Button)),
                Node("scheduler.logs.view", PermissionType.Menu, Node("scheduler.logs.clear", PermissionType.Button))),
            Node("system", PermissionType.Menu,
                Node("system.users.view", PermissionType.Menu, Node("system.users.unlock", PermissionType.Button))),
        ]);
    }

    private sealed class FakeRoles(IReadOnlyCollection<string> granted) : IRoleService
    {
        public TaskCompletionSource<IReadOnlyCollection<string>> Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlySet<string>> GetGrantsAsync(long id, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<string>>(granted.ToHashSet(StringComparer.Ordinal));

        public Task<Result> SetGrantsAsync(long id, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
        {
            Saved.TrySetResult(codes);
            return Task.FromResult(Result.Success());
        }

        public Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<long>> CreateAsync(RoleInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> UpdateAsync(long id, RoleInput input, string concurrencyStamp, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
