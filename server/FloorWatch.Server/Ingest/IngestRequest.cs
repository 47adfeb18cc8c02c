using System.Security.Claims;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;

namespace FloorWatch.Server.Ingest;

/// <summary>What every ingest endpoint does with its request: who may send, and the body within its limit.</summary>
public static class IngestRequest
{
    /// <summary>The key allows every center; a cti user only their own. Returns the center filter (null: all) or the refusal.</summary>
    public static async Task<(Func<string, bool>? Allowed, IResult? Refusal)> Authorize(HttpContext http, CtiKey key)
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

    /// <summary>The body, or null when it is over <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadBody(HttpContext http, long limit, CancellationToken ct)
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

    public static IResult TooLarge(long limit) =>
        Results.Json(new { error = $"body is larger than the limit of {limit} bytes (FloorWatch__MaxIngestBytes); send it in parts" }, statusCode: StatusCodes.Status413PayloadTooLarge);
}
