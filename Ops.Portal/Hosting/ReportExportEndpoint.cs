using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Portal.Localization;

namespace Ops.Portal.Hosting;

/// <summary>
/// <c>GET /api/v1/reports/{id}/export?format=xlsx|csv&amp;…</c>: a published report's rows as a file, the filter values
/// given as query parameters named as the report's parameters (as for <c>/data</c>). The viewer's export button links
/// here, so the sign-in cookie is accepted beside API tokens (a GET that changes nothing); the exporter checks the
/// permissions, the report's visibility and the caller's data scope. Sheet names and headers in the caller's language.
/// </summary>
internal static class ReportExportEndpoint
{
    public static string Url(long id, ReportExportFormat format, IReadOnlyDictionary<string, string?> values) =>
        $"/api/v1/reports/{id.ToString(CultureInfo.InvariantCulture)}/export?format={format.ToString().ToLowerInvariant()}"
        + string.Concat(values.Where(v => !string.IsNullOrEmpty(v.Value) && !v.Key.Equals("format", StringComparison.OrdinalIgnoreCase))
            .Select(v => $"&{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));

    public static void MapReportExportEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/reports/{id:long}/export", async (long id, IReportExporter exporter, IStringLocalizer<UiText> text, HttpContext http) =>
        {
            var query = http.Request.Query;
            if (!Enum.TryParse<ReportExportFormat>(query["format"].ToString(), ignoreCase: true, out var format) || !Enum.IsDefined(format))
            {
                return Api.ApiProblems.For(http, Error.Invalid("report.export.format_invalid").On("format"));
            }

            var values = query.Where(q => !q.Key.Equals("format", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Result<ReportExport> export;
            try
            {
                export = await exporter.PrepareAsync(id, values, format, Common.SheetDownload.For(text, TimeZoneInfo.Utc, CultureInfo.CurrentUICulture), http.RequestAborted);
            }
            catch (ForbiddenException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (export.IsFailure)
            {
                return Api.ApiProblems.For(http, export.Error!);
            }

            http.Response.ContentType = export.Value.ContentType;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = export.Value.FileName }.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            await export.Value.WriteAsync(http.Response.Body, http.RequestAborted);
            return Results.Empty;
        })
        .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, Api.ApiBearerHandler.SchemeName).RequireAuthenticatedUser())
        .WithMetadata(new Api.ApiAccess([ReportPermissions.Reports.Export])).WithTags("reports")
        .WithSummary("The report's rows as an Excel or CSV file (every row up to 1,048,575, not the display cap)");
}
