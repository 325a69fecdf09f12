using Microsoft.Extensions.Localization;
using Ops.Domain.Common;

namespace Ops.Portal.Localization;

public static class StoredTextExtensions
{
    /// <summary>
    /// A stored text in the viewer's language: a <see cref="StoredText"/> code is looked up, anything else (rows
    /// from before codes, output of a process or a remote server) shows as it is.
    /// </summary>
    public static string Stored(this IStringLocalizer localizer, string? stored) =>
        StoredText.TryDecode(stored, out var text) ? localizer[text.Code, [.. text.Args]] : stored ?? "";
}
