using Microsoft.AspNetCore.Http.HttpResults;

namespace Station.Host.Api;

/// <summary>The API's error answers: RFC 7807 problem details with a title per status and the host's own words.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    /// <summary>400 with every problem of the request, by field.</summary>
    public static ProblemHttpResult BadRequest(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See errors: every problem is listed.",
        });

    /// <summary>422: the request is well formed but names something that cannot be used (every problem listed).</summary>
    public static ProblemHttpResult Unprocessable(string detail, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Unprocessable request",
            Detail = detail,
        });

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
