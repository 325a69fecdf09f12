using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Ops.Portal.Hosting.Security;

/// <summary>
/// A client's mistake is a 400 with one warning line, not a 500 with a stack trace: a form posted
/// without a valid antiforgery token (answered before the endpoint reads the form, which would
/// throw) and a query parameter a page cannot parse (<c>?recovery=abc</c> for a bool).
/// </summary>
internal sealed class BadRequestMiddleware(RequestDelegate next, ILogger<BadRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
        {
            Refuse(context, "antiforgery validation failed", antiforgery.Error?.Message);
            return;
        }

        try
        {
            await next(context);
        }
        catch (InvalidOperationException ex) when (IsQueryParameterParseFailure(ex) && !context.Response.HasStarted)
        {
            Refuse(context, "unparsable query parameter", ex.Message);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // A minimal API could not read the request (malformed JSON, a value its type cannot hold).
            Refuse(context, "unreadable request", ex.Message);
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Api.ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "api.bad_request", ex.Message);
            }
        }
    }

    // Blazor's [SupplyParameterFromQuery] throws this for a value its type cannot hold.
    private static bool IsQueryParameterParseFailure(InvalidOperationException ex) =>
        ex.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.Components.Routing.UrlValueConstraint", StringComparison.Ordinal) == true;

    private void Refuse(HttpContext context, string reason, string? detail)
    {
        logger.LogWarning("Bad request {Method} {Path}: {Reason} ({Detail})", context.Request.Method, context.Request.Path.Value, reason, detail);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        // Re-executing the not-found page would run the failed antiforgery check again and throw.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
