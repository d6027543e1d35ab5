using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Station.Host.Api;

namespace Station.Host.Hosting;

/// <summary>
/// Enforces each endpoint's body limit (<see cref="BodyLimit"/>, default <see cref="BodyLimit.Default"/>)
/// on any server: a declared length over it is refused at once with 413; a body without a length
/// is read up to the limit first. Kestrel applies the same metadata itself; this makes the rule
/// hold in the test server and behind any proxy too.
/// </summary>
internal sealed class RequestBodyLimits(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? BodyLimit.Default.Bytes;
        if (context.Request.ContentLength is { } length)
        {
            if (length > limit)
            {
                throw TooLarge(limit);
            }
        }
        else if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), context.RequestAborted);
            }

            buffer.Position = 0;
            context.Request.Body = buffer;
            context.Request.ContentLength = buffer.Length;
        }

        await next(context);
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than this route accepts ({limit} bytes).", StatusCodes.Status413PayloadTooLarge);
}
