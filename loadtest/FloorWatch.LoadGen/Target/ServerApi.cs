using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FloorWatch.LoadGen.Province;

namespace FloorWatch.LoadGen.Target;

/// <summary>The server's HTTP API as the run uses it (contract sections 3 and 7): sign-in, snapshots, intervals, settings.</summary>
internal sealed class ServerApi(HttpClient http)
{
    /// <summary>What the count check reads of a snapshot: the business day's counts per queue and the events applied.</summary>
    public sealed record SnapshotCounts(DateTimeOffset AsOf, Dictionary<string, QueueCounts> Today, long EventsApplied, long Anomalies);

    /// <summary>A center's clock: IANA time zone and the local time its business day starts.</summary>
    public sealed record CenterClock(string TimeZone, string DayStartsAt);

    /// <summary>Signs in and answers the bearer token (contract section 7).</summary>
    public async Task<string> TokenAsync(string user, string password, CancellationToken ct)
    {
        HttpResponseMessage answer;
        try
        {
            answer = await http.PostAsJsonAsync("/api/auth/token", new { user, password }, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new LoadException($"cannot reach the server at {http.BaseAddress}: {ex.Message}", ex);
        }

        using var _ = answer;
        if (answer.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new LoadException($"the server refused the sign-in of user '{user}' (401): check --user and --password");
        }

        await Ensure(answer, "POST /api/auth/token", ct);
        using var doc = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<SnapshotCounts> SnapshotAsync(string token, string center, CancellationToken ct)
    {
        using var doc = await GetAsync(token, $"/api/centers/{center}/snapshot", ct);
        var root = doc.RootElement;
        var today = new Dictionary<string, QueueCounts>(StringComparer.Ordinal);
        foreach (var q in root.GetProperty("queues").EnumerateArray())
        {
            today[q.GetProperty("id").GetString()!] = CountsOf(q.GetProperty("today"));
        }

        var feed = root.GetProperty("feed");
        return new SnapshotCounts(
            root.GetProperty("asOf").GetDateTimeOffset(),
            today,
            feed.GetProperty("eventsApplied").GetInt64(),
            feed.TryGetProperty("anomalies", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : 0);
    }

    /// <summary>A queue's counts over business day <paramref name="day"/>: the sum of its intervals.</summary>
    public async Task<QueueCounts> DayAsync(string token, string center, string queue, DateOnly day, CancellationToken ct)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var doc = await GetAsync(token, $"/api/centers/{center}/intervals?date={date}&queue={Uri.EscapeDataString(queue)}", ct);
        var sum = default(QueueCounts);
        foreach (var row in doc.RootElement.GetProperty("intervals").EnumerateArray())
        {
            sum += CountsOf(row);
        }

        return sum;
    }

    /// <summary>Whether the server knows <paramref name="center"/> already (an event or a setting has named it).</summary>
    public async Task<bool> ExistsAsync(string token, string center, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/centers/{center}/settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, ct);
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await Ensure(answer, $"GET /api/centers/{center}/settings", ct);
        return true;
    }

    public async Task<CenterClock> ClockAsync(string token, string center, CancellationToken ct)
    {
        using var doc = await GetAsync(token, $"/api/centers/{center}/settings", ct);
        var root = doc.RootElement;
        return new CenterClock(
            root.TryGetProperty("timeZone", out var tz) ? tz.GetString() ?? "UTC" : "UTC",
            root.TryGetProperty("dayStartsAt", out var start) ? start.GetString() ?? "00:00" : "00:00");
    }

    private static QueueCounts CountsOf(JsonElement figures) => new(
        figures.GetProperty("offered").GetInt64(),
        figures.GetProperty("answered").GetInt64(),
        figures.GetProperty("abandoned").GetInt64());

    private async Task<JsonDocument> GetAsync(string token, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, ct);
        await Ensure(answer, "GET " + path, ct);
        return JsonDocument.Parse(await answer.Content.ReadAsStreamAsync(ct));
    }

    private static async Task Ensure(HttpResponseMessage answer, string what, CancellationToken ct)
    {
        if (!answer.IsSuccessStatusCode)
        {
            var body = await answer.Content.ReadAsStringAsync(ct);
            throw new LoadException($"{what} answered {(int)answer.StatusCode} {answer.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}");
        }
    }
}
