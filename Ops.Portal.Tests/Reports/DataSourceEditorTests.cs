using Bunit;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Reports.Components;
using Ops.Portal.Tests.Shared;

namespace Ops.Portal.Tests.Reports;

/// <summary>The data source dialog shows a refused value on its field and asks before dropping unsaved edits.</summary>
public sealed class DataSourceEditorTests : PortalTestContext
{
    private readonly List<DataSourceInput> _saved = [];

    public DataSourceEditorTests()
    {
        Services.AddSingleton(Stub<IDepartmentService>.Create(("GetTreeAsync", _ => Task.FromResult<IReadOnlyList<DepartmentNode>>([]))));
        Services.AddSingleton(Stub<IRoleService>.Create(("ListAsync", _ => Task.FromResult<IReadOnlyList<RoleSummary>>([]))));
        Services.AddSingleton(Stub<IDataSourceService>.Create(("CreateAsync", args => Task.FromResult(Create((DataSourceInput)args[0]!)))));
        Services.AddScoped<UiErrorHandler>();
    }

    // What the service answers: its own checks (DataSourceRules), a record only when they pass.
    private Result<long> Create(DataSourceInput input)
    {
        var checks = DataSourceRules.Validate(input);
        if (checks.IsFailure)
        {
            return checks.Error!;
        }

        _saved.Add(input);
        return 3L;
    }

    [Fact]
    public void AMissingHost_ShowsOnTheHostField_AndInTheSummary_AndNothingIsSaved()
    {
        var provider = Open();
        provider.Find("#datasource-name").Change("reports");
        provider.Find("#datasource-database").Change("sales");

        provider.Find("#datasource-save").Click();

        var expected = Services.GetRequiredService<UiErrorHandler>().Describe("common.required", ["field.host"]);
        provider.WaitForAssertion(() => Assert.Equal(expected, FormDialogs.FieldError(provider, "datasource-host")), FormDialogs.Wait);
        Assert.Contains(expected, FormDialogs.Summary(provider), StringComparison.Ordinal);
        Assert.Null(FormDialogs.FieldError(provider, "datasource-name"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void ABackdropClickOnADirtyDialog_AsksFirst_AndLeavingCloses()
    {
        var provider = Open();
        provider.Find("#datasource-name").Change("half typed");

        provider.Find(".mud-overlay").Click();
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#confirm-ok")), FormDialogs.Wait);
        Assert.NotEmpty(provider.FindAll("#datasource-name"));
        provider.Find("#confirm-ok").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#datasource-name")), FormDialogs.Wait);
        Assert.Empty(_saved);
    }

    private IRenderedComponent<MudDialogProvider> Open()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<DataSourceEditor>("source", new DialogParameters<DataSourceEditor> { { d => d.DataSourceId, null } }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#datasource-name")), FormDialogs.Wait);
        return provider;
    }
}
