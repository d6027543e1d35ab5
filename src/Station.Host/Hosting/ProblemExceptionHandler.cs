using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Station.Host.Hosting;

/// <summary>
/// Turns exceptions into problem details: a bad request (malformed JSON, wrong body, too large) with
/// its own status and what was wrong, an unreachable database as 503, anything else as 500 with
/// the trace id to find it in the log (and nothing of the exception in the answer).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", Describe(bad)),
            DbException => (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "The station's database cannot be reached now; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Station error", "The station failed to answer this request; the trace id finds it in the station's log."),
        };
        if (status >= 500)
        {
            Log.Unhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException json => $"The body is not valid JSON for this route{(json.Path is { Length: > 1 } path ? $" (at {path})" : "")}: {FirstSentence(json.Message)}",
        _ => exception.Message,
    };

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }
}
