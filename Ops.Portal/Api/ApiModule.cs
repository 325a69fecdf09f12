using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Ops.Portal.Api.Approvals;
using Ops.Portal.Api.Audit;
using Ops.Portal.Api.Auth;
using Ops.Portal.Api.Notifications;
using Ops.Portal.Api.Reports;
using Ops.Portal.Api.Scheduler;

namespace Ops.Portal.Api;

/// <summary>
/// The REST API under <c>/api/v1</c> for the systems around the portal: minimal APIs per module calling the same
/// services as the pages, bearer tokens only (<see cref="ApiBearerHandler"/>), problem details, rate limits and an
/// OpenAPI document. Added with <see cref="AddOpsApi"/> and mapped with <see cref="MapOpsApi"/>.
/// </summary>
internal static class ApiModule
{
    public const string Prefix = "/api/v1";
    public const string Policy = "api";

    public static IServiceCollection AddOpsApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiBearerHandler>(ApiBearerHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiBearerHandler.SchemeName).RequireAuthenticatedUser());
        // The trace id as the logs and the pages' error toasts show it (32 hex digits), not the full traceparent.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? c.HttpContext.TraceIdentifier);
        services.AddApiRateLimits();
        services.AddApiDocs();
        // A request the endpoint cannot read throws, and becomes a 400 problem document (BadRequestMiddleware).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }

    public static void MapOpsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimits.PerToken)
            .AddEndpointFilter<ApiCallFilter>();
        api.MapAuthEndpoints();
        api.MapAccountEndpoints();
        api.MapAccessTokenEndpoints();
        api.MapUserEndpoints();
        api.MapDepartmentEndpoints();
        api.MapRoleEndpoints();
        api.MapJobEndpoints();
        api.MapFlowEndpoints();
        api.MapWorkflowEndpoints();
        api.MapNotificationEndpoints();
        api.MapAuditEndpoints();
        api.MapReportEndpoints();
        api.MapDataSourceEndpoints();
        endpoints.MapApiDocs();

        // Anything else under /api is a problem document, never the portal's HTML "not found" page.
        endpoints.Map("/api/{**rest}", (HttpContext http) => ApiProblems.For(http, StatusCodes.Status404NotFound, "api.not_found"))
            .ExcludeFromDescription().AllowAnonymous();
    }

    /// <summary>
    /// The portal re-executes error statuses as its HTML pages; an API client gets problem details instead, so that
    /// pipeline stays out of <c>/api</c>.
    /// </summary>
    public static IApplicationBuilder UseApiStatusCodes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        return next(context);
    });
}
