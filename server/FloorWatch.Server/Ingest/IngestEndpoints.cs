using System.Security.Claims;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary><c>POST /api/cti/events</c>: NDJSON or a JSON array, with the CTI key or a token of role cti.</summary>
public static class IngestEndpoints
{
    public static void MapIngestEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cti/events", async (HttpContext http, CtiKey key, IngestPipeline pipeline, FeedStatus feed, IOptions<FloorWatchOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var (allowed, refusal) = await Authorize(http, key);
            if (refusal is not null)
            {
                return refusal;
            }

            var o = options.Value;
            var body = await ReadBody(http, o.MaxIngestBytes, ct);
            if (body is null)
            {
                return Results.Json(new { error = $"body is larger than the limit of {o.MaxIngestBytes} bytes (FloorWatch__MaxIngestBytes); send it in parts" }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var read = new EventBatchReader(o.MaxLineBytes, allowed).Read(body.Value, time.GetUtcNow());
            var events = read.Events;
            var outcomes = await pipeline.SubmitAsync(events, ct);
            foreach (var center in events.Select(e => e.Event.Center).Distinct(StringComparer.Ordinal))
            {
                feed.Heard(center);
            }

            return Results.Ok(new
            {
                accepted = outcomes.Count(x => x == IngestOutcome.Accepted),
                duplicates = outcomes.Count(x => x == IngestOutcome.Duplicate),
                rejected = read.Rejected.OrderBy(r => r.Line).Select(r => new { line = r.Line, error = r.Error }),
            });
        }).AllowAnonymous().DisableAntiforgery();

    /// <summary>The key allows every center; a cti user only their own. Returns the center filter (null: all) or the refusal.</summary>
    private static async Task<(Func<string, bool>? Allowed, IResult? Refusal)> Authorize(HttpContext http, CtiKey key)
    {
        if (http.Request.Headers.TryGetValue("X-Api-Key", out var presented))
        {
            if (!key.IsConfigured)
            {
                return (null, Results.Json(new { error = "ingest refused: no CTI key is configured on this server (FloorWatch__Cti__ApiKey)" }, statusCode: StatusCodes.Status401Unauthorized));
            }

            return key.Matches(presented.ToString())
                ? (null, null)
                : (null, Results.Json(new { error = "X-Api-Key is not this server's CTI key" }, statusCode: StatusCodes.Status401Unauthorized));
        }

        var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!auth.Succeeded)
        {
            return (null, Results.Json(new { error = "send the CTI key in X-Api-Key, or a bearer token of role cti" }, statusCode: StatusCodes.Status401Unauthorized));
        }

        ClaimsPrincipal user = auth.Principal;
        return user.IsInRole(Roles.Cti) ? (c => user.CanSeeCenter(c), null) : (null, ApiErrors.Forbidden());
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBody(HttpContext http, long limit, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        try
        {
            while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
