using System.Diagnostics;

namespace Station.Host.Hosting;

/// <summary>One log line per request: method, path (never the query or headers, which may hold keys), status, time.</summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
            {
                Log.Request(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
