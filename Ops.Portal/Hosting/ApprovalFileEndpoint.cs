using Microsoft.AspNetCore.Identity;
using Ops.Domain.Approvals;
using Ops.Domain.Common;

namespace Ops.Portal.Hosting;

/// <summary>
/// <c>GET /api/v1/workflow/files/{id}</c>: an approval attachment, downloaded (never rendered inline), for those the
/// file service lets read it; everyone else gets 404, as if it did not exist.
/// </summary>
internal static class ApprovalFileEndpoint
{
    public static string Url(string id) => "/api/v1/workflow/files/" + Uri.EscapeDataString(id);

    public static void MapApprovalFileEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/workflow/files/{id}", async (string id, IApprovalFileService files, HttpContext context) =>
        {
            Result<ApprovalFileContent> file;
            try
            {
                file = await files.OpenAsync(id, context.RequestAborted);
            }
            catch (ForbiddenException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (file.IsFailure)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Value.Content, file.Value.Info.ContentType, file.Value.Info.Name);
        })
        // The portal's pages link here, so the sign-in cookie is accepted beside API tokens, on purpose: a GET that
        // changes nothing, with no cross-site risk. Any signed-in caller may ask; who may read is the file service's call.
        .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, Api.ApiBearerHandler.SchemeName).RequireAuthenticatedUser())
        .WithMetadata(Api.ApiAccess.AnyUser).WithTags("workflow").WithSummary("Download an approval attachment");
}
