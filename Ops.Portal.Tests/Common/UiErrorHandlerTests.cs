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

    private (UiErrorHandler Handler, ISnackbar Snackbar) Create()
    {
        Services.AddScoped<UiErrorHandler>();
        return (Services.GetRequiredService<UiErrorHandler>(), Services.GetRequiredService<ISnackbar>());
    }
}
