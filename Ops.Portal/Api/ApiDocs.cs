using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Ops.Portal.Api;

/// <summary>
/// The OpenAPI 3.1 document of <c>/api/v1</c> (Microsoft.AspNetCore.OpenApi) at <c>/api/openapi/v1.json</c>, and its
/// interactive reference (Scalar, served from the package, no CDN) at <c>/api/docs</c>: both for signed-in users.
/// </summary>
internal static class ApiDocs
{
    public const string DocumentPath = "/api/openapi/v1.json";
    public const string ReferencePath = "/api/docs";
    private const string BearerScheme = "bearer";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Ops API",
                    Version = "v1",
                    Description = "Sign in with POST /api/v1/auth/login (or use a personal access token, ops_pat_…) and send the token as Authorization: Bearer.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT access token, or a personal access token (ops_pat_…)",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        string[] schemes = [IdentityConstants.ApplicationScheme, ApiBearerHandler.SchemeName];
        endpoints.MapOpenApi("/api/openapi/{documentName}.json")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser());
        // Scalar starts itself with an inline module: it carries this response's CSP nonce, so the page runs under the
        // portal's policy. The reference offers nothing that needs the internet (no AI agent, telemetry or hosted tools).
        endpoints.MapScalarApiReference(ReferencePath, (o, http) => o
                .WithTitle("Ops API")
                .WithOpenApiRoutePattern("/api/openapi/{documentName}.json")
                .AddDocument("v1")
                .WithNonce(Hosting.Security.SecurityHeadersMiddleware.Nonce(http))
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableTelemetry()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton())
            .RequireAuthorization();
    }
}
