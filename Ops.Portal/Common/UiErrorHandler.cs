using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Ops.Domain.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Common;

/// <summary>
/// Runs a page action and turns failures into messages: a domain error becomes a localized
/// snackbar; anything unexpected is logged with a trace id that the user sees and can report.
/// </summary>
internal sealed class UiErrorHandler(ISnackbar snackbar, IStringLocalizer<UiText> text, ILogger<UiErrorHandler> logger)
{
    public async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception ex)
        {
            Show(ex);
            return false;
        }
    }

    public async Task<T?> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex)
        {
            Show(ex);
            return default;
        }
    }

    /// <summary>
    /// Shows a service's answer, the one way pages do it: a failure as a toast, or on the form's fields when
    /// <paramref name="fields"/> is given; a success as the text of <paramref name="successKey"/>, when given. A null
    /// result is an action <see cref="RunAsync{T}"/> already reported. True only for a success.
    /// </summary>
    public bool Show([NotNullWhen(true)] Result? result, string? successKey = null, FieldErrors? fields = null)
    {
        switch (result)
        {
            case null:
                return false;
            case { IsFailure: true } when fields is not null:
                ShowError(result.Error!, fields);
                return false;
            case { IsFailure: true }:
                ShowError(result.Error!);
                return false;
        }

        if (successKey is not null)
        {
            snackbar.Add(text[successKey], Severity.Success);
        }

        return true;
    }

    /// <summary>Runs a service call and <see cref="Show"/>s its answer; true only for a success.</summary>
    public async Task<bool> RunAndShowAsync(Func<Task<Result>> action, string? successKey = null, FieldErrors? fields = null) =>
        Show(await RunAsync(action), successKey, fields);

    public void ShowError(Error error) => snackbar.Add(Describe(error.Code, error.Args), Severity.Warning);

    /// <summary>Shows a refused save in the form instead of a toast: on the field it names, else in the form's summary.</summary>
    public void ShowError(Error error, FieldErrors errors)
    {
        errors.Clear();
        errors.Add(error.Field, Describe(error.Code, error.Args));
    }

    /// <summary>The localized text of an error code (<see cref="ErrorText.Describe"/>).</summary>
    public string Describe(string code, IReadOnlyList<object> args) => _errorText.Describe(code, args);

    private readonly ErrorText _errorText = new(text);

    private void Show(Exception exception)
    {
        switch (exception)
        {
            case ForbiddenException:
                snackbar.Add(text["common.forbidden"], Severity.Error);
                break;
            case DomainException domain:
                snackbar.Add(Describe(domain.Code, domain.Args), Severity.Warning);
                break;
            default:
                var traceId = TraceIds.Current();
                logger.LogError(exception, "Unexpected error in the UI, trace {UiTraceId}", traceId);
                snackbar.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["common.unexpected_error"], traceId), Severity.Error);
                break;
        }
    }
}

internal static class TraceIds
{
    /// <summary>The current trace id, or a fresh one when the circuit event carries no activity.</summary>
    public static string Current() => Activity.Current?.TraceId.ToString() ?? ActivityTraceId.CreateRandom().ToString();
}
