using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Feeding;

/// <summary>
/// One center over HTTP: the due events as one NDJSON body to <c>POST /api/cti/events</c> with the
/// CTI key, one request at a time (so the center's order holds); a late answer makes the next batch bigger.
/// </summary>
internal sealed class HttpSender(CenterFeed feed, HttpClient http, string ctiKey, LatencyRecorder ackLatency) : IFeedSender
{
    private const int MaxBatch = 20_000;
    private const int MaxAttempts = 5;
    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson");

    public FeedProgress Progress { get; } = new(feed.Center) { SettleTarget = feed.Count };

    public async Task OpenAsync(CancellationToken ct)
    {
        if (!await PostAsync(0, 1, ct))
        {
            throw new LoadException($"center {feed.Center}: the first event was not accepted over HTTP: {string.Join("; ", Progress.Errors)}");
        }
    }

    public async Task RunAsync(TimeWarp warp, CancellationToken ct)
    {
        try
        {
            await SendAsync(new Pacer(feed, warp, MaxBatch), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: the run gave up waiting for the server.
        }
    }

    private async Task SendAsync(Pacer pacer, CancellationToken ct)
    {
        var next = 1;
        while (next < feed.Count)
        {
            var now = DateTimeOffset.UtcNow;
            var (to, late) = pacer.Due(next, now);
            if (to == next)
            {
                await Task.Delay(pacer.SleepBefore(next, now), ct);
                continue;
            }

            Progress.Wrote(to, late);
            if (!await PostAsync(next, to, ct))
            {
                return;
            }

            ackLatency.Add((DateTimeOffset.UtcNow - pacer.DueAt(to - 1)).TotalSeconds);
            next = to;
        }
    }

    /// <summary>Posts events [from, to); false when the server would not take them after a few attempts.</summary>
    private async Task<bool> PostAsync(int from, int to, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/events")
            {
                Content = new ReadOnlyMemoryContent(feed.Lines(from, to)) { Headers = { ContentType = Ndjson } },
            };
            request.Headers.Add("X-Api-Key", ctiKey);
            string why;
            try
            {
                using var answer = await http.SendAsync(request, ct);
                var body = await answer.Content.ReadAsStringAsync(ct);
                if (answer.IsSuccessStatusCode)
                {
                    Settle(from, to, body);
                    return true;
                }

                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw new LoadException($"the server refused the CTI key: {body}");
                }

                why = $"{(int)answer.StatusCode} {answer.ReasonPhrase}: {Clip(body)}";
            }
            catch (HttpRequestException ex)
            {
                why = ex.Message;
            }

            Progress.Error($"POST /api/cti/events of events {from + 1}..{to} failed (attempt {attempt}): {why}");
            if (attempt == MaxAttempts)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }

    /// <summary>Reads <c>{"accepted":n,"duplicates":n,"rejected":[{"line":n,"error":"..."}]}</c>.</summary>
    private void Settle(int from, int to, string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.TryGetProperty("duplicates", out var duplicates) && duplicates.GetInt64() > 0)
        {
            Progress.Duplicate(duplicates.GetInt64());
            Progress.Error($"{duplicates.GetInt64()} of events {from + 1}..{to} called duplicates, though each is sent once");
        }

        if (root.TryGetProperty("rejected", out var rejected))
        {
            foreach (var r in rejected.EnumerateArray())
            {
                Progress.Refuse($"event {from + r.GetProperty("line").GetInt64()}: {r.GetProperty("error").GetString()}");
            }
        }

        Progress.SettledUpTo(to);
    }

    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
