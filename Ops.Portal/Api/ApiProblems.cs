using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Ops.Domain.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Api;

/// <summary>
/// Errors of <c>/api/v1</c> as RFC 9457 problem details: the localized text (by <c>Accept-Language</c>) in
/// <c>detail</c>, the stable error code in <c>code</c>, the trace id in <c>traceId</c>, and for a refused field its
/// message under <c>errors</c>, keyed by the field's JSON name.
/// </summary>
internal static class ApiProblems
{
    public static IResult For(HttpContext http, Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(Create(http, status, error.Code, error.Args, error.Kind == ErrorKind.Validation ? error.Field : null));
    }

    /// <summary>A refused update: a stale version (the row changed since its ETag) is 412, anything else as <see cref="For(HttpContext, Error)"/>.</summary>
    public static IResult ForUpdate(HttpContext http, Error error) => error.Code == "common.concurrency_conflict"
        ? For(http, StatusCodes.Status412PreconditionFailed, error.Code, [.. error.Args])
        : For(http, error);

    public static IResult For(HttpContext http, int status, string code, params object[] args) =>
        TypedResults.Problem(Create(http, status, code, args, null));

    public static Task WriteAsync(HttpContext http, int status, string code, params object[] args)
    {
        var problem = Create(http, status, code, args, null);
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    public static ProblemDetails Create(HttpContext http, int status, string code, IReadOnlyList<object> args, string? field)
    {
        var text = http.RequestServices.GetRequiredService<ErrorText>();
        var detail = text.Describe(code, args);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonTitle(text, status),
            Detail = detail,
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [JsonName(field)] = [detail] };
        }

        return problem;
    }

    /// <summary>
    /// The JSON name of a field named by its label's resource key: the last segment in camelCase
    /// (<c>field.expires_at</c> → <c>expiresAt</c>, <c>job.timeout</c> → <c>timeout</c>).
    /// </summary>
    public static string JsonName(string fieldKey)
    {
        var last = fieldKey[(fieldKey.LastIndexOf('.') + 1)..];
        var name = new StringBuilder(last.Length);
        var upper = false;
        foreach (var c in last)
        {
            if (c is '_' or '-')
            {
                upper = name.Length > 0;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : name.Length == 0 ? char.ToLowerInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }

    private static string ReasonTitle(ErrorText text, int status) => text[$"api.status.{status}"] is { Length: > 0 } title && title != $"api.status.{status}"
        ? title
        : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
