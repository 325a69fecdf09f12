using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using Ops.Portal.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Common;

public sealed class UiErrorHandlerTests : PortalTestContext
{
    public UiErrorHandlerTests() => Services.AddScoped(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));

    [Fact]
    public async Task DomainError_ShowsTheLocalizedMessage()
    {
        UseCulture(Cultures.Chinese);
        var (handler, snackbar) = Create();

        var ok = await handler.RunAsync(() => throw new DomainException("auth.department.name_invalid", 64));

        Assert.False(ok);
        var message = Assert.Single(snackbar.ShownSnackbars);
        Assert.Equal("部门名称长度须为 1 至 64 个字符。", message.Message);
        Assert.Equal(Severity.Warning, message.Severity);
    }

    [Fact]
    public async Task MissingPermission_SaysSo()
    {
        var (handler, snackbar) = Create();

        await handler.RunAsync(() => throw new ForbiddenException("system.permissions.view"));

        Assert.Equal("You do not have permission for this action.", Assert.Single(snackbar.ShownSnackbars).Message);
    }

    [Fact]
    public async Task UnexpectedError_ShowsATraceId()
    {
        var (handler, snackbar) = Create();

        var value = await handler.RunAsync<int>(() => throw new InvalidOperationException("boom"));

        Assert.Equal(0, value);
        var message = Assert.Single(snackbar.ShownSnackbars);
        Assert.Matches("Trace id: [0-9a-f]{32}$", message.Message);
        Assert.Equal(Severity.Error, message.Severity);
    }

    [Fact]
    public void Show_Success_SaysTheSuccessText_AndReturnsTrue()
    {
        UseCulture(Cultures.Chinese);
        var (handler, snackbar) = Create();

        Assert.True(handler.Show(Result.Success(), "common.saved"));

        var message = Assert.Single(snackbar.ShownSnackbars);
        Assert.Equal(Severity.Success, message.Severity);
        Assert.NotEqual("common.saved", message.Message);
    }

    [Fact]
    public void Show_Failure_ToastsTheLocalizedError_AndReturnsFalse()
    {
        var (handler, snackbar) = Create();

        Assert.False(handler.Show(Error.Conflict("common.concurrency_conflict", "job"), "common.saved"));

        var message = Assert.Single(snackbar.ShownSnackbars);
        Assert.Equal(Severity.Warning, message.Severity);
        Assert.Equal(handler.Describe("common.concurrency_conflict", ["job"]), message.Message);
    }

    [Fact]
    public void Show_FailureWithFields_PutsItOnTheField_NotInAToast()
    {
        var (handler, snackbar) = Create();
        var fields = new FieldErrors();

        Assert.False(handler.Show(Error.Invalid("common.required", "field.name").On("field.name"), "common.saved", fields));

        Assert.Empty(snackbar.ShownSnackbars);
        Assert.True(fields.Has("field.name"));
    }

    [Fact]
    public void Show_NoResult_BecauseRunAsyncReportedAnException_ShowsNothingMore()
    {
        var (handler, snackbar) = Create();

        Assert.False(handler.Show(null, "common.saved"));

        Assert.Empty(snackbar.ShownSnackbars);
    }

    private (UiErrorHandler Handler, ISnackbar Snackbar) Create()
    {
        Services.AddScoped<UiErrorHandler>();
        return (Services.GetRequiredService<UiErrorHandler>(), Services.GetRequiredService<ISnackbar>());
    }
}
