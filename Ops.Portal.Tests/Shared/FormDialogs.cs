using AngleSharp.Dom;
using Bunit;
using MudBlazor;

namespace Ops.Portal.Tests.Shared;

/// <summary>Reads a dialog form as the user sees it: the error shown under a field, the form's summary.</summary>
internal static class FormDialogs
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>The error text MudBlazor shows under the field with <paramref name="id"/>, or null.</summary>
    public static string? FieldError(IRenderedComponent<MudDialogProvider> provider, string id) =>
        provider.Find($"#{id}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    public static string Summary(IRenderedComponent<MudDialogProvider> provider) => provider.Find("#form-errors").TextContent;
}
