using System.Text;
using FloorWatch.Domain.QueueLog;
using FloorWatch.Tests.Support;

namespace FloorWatch.Server.Tests;

/// <summary><c>FloorWatch__QueueLog__Path</c>: a growing queue_log followed through rotations, a restart among them.</summary>
public class QueueLogFollowTests
{
    [Fact]
    public async Task A_queue_log_rotated_while_followed_and_while_stopped_gives_the_worked_figures_once()
    {
        var folder = ServerProcess.NewDataPath() + "-asterisk";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "queue_log");
        var lines = File.ReadAllLines(ExpectedFigures.DataFile("asterisk-2026-11-16.queue_log"));
        var (q1, q2, q3) = (lines.Length / 4, lines.Length / 2, lines.Length * 3 / 4);
        var settings = new Dictionary<string, string>
        {
            ["FloorWatch__QueueLog__Path"] = path,
            ["FloorWatch__QueueLog__Center"] = "qlf",
            // Known from configuration, so a viewer can join it before its first line is read.
            ["FloorWatch__Centers__qlf__Name"] = "Followed",
        };
        var data = ServerProcess.NewDataPath();

        File.WriteAllLines(path, lines[..q1]);
        await using (var server = await ServerProcess.StartAsync(data, settings: settings))
        {
            await using var viewer = await HubViewer.ConnectAsync(server, await server.Token("admin"));
            await viewer.JoinAsync("qlf");
            await viewer.UntilAsync(v => v.EventsApplied == EventsOf(lines[..q1]));

            // Rotated as logrotate does: renamed, and a new file made at the path.
            File.Move(path, path + ".1");
            File.WriteAllLines(path, lines[q1..q2]);
            await viewer.UntilAsync(v => v.EventsApplied == EventsOf(lines[..q2]));
        }

        // While the server is stopped the file grows, is rotated, and a new one begins.
        File.AppendAllLines(path, lines[q2..q3]);
        File.Move(path, path + ".2");
        File.WriteAllLines(path, lines[q3..]);
        await using var again = await ServerProcess.StartAsync(data, settings: settings);
        await using (var viewer = await HubViewer.ConnectAsync(again, await again.Token("admin")))
        {
            await viewer.JoinAsync("qlf");
            await viewer.UntilAsync(v => v.EventsApplied == EventsOf(lines));
        }

        using var admin = await again.SignIn("admin");
        await Feeds.AssertAsteriskFigures(admin, "qlf");
        Assert.Contains("was rotated while the server was stopped", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_followed_queue_log_that_is_quiet_keeps_the_feed_up()
    {
        var folder = ServerProcess.NewDataPath() + "-asterisk";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "queue_log");
        var settings = new Dictionary<string, string>
        {
            ["FloorWatch__QueueLog__Path"] = path,
            ["FloorWatch__QueueLog__Center"] = "qlq",
            ["FloorWatch__Centers__qlq__Name"] = "Quiet",
        };
        await using var server = await ServerProcess.StartAsync(settings: settings);
        using var admin = await server.SignIn("admin");
        using var rules = new StringContent("{\"rules\":{\"feedSilenceSeconds\":1}}", Encoding.UTF8, "application/json");
        Assert.True((await admin.PutAsync("/api/centers/qlq/settings", rules)).IsSuccessStatusCode);
        await using var viewer = await HubViewer.ConnectAsync(server, await server.Token("admin"));
        await viewer.JoinAsync("qlq");

        // Two events, then nothing more: the floor is quiet, as a small center is between calls.
        File.WriteAllText(path, "1794816012|MANAGER|general|SIP/1001|ADDMEMBER|\n");
        await viewer.UntilAsync(v => v.EventsApplied == 2);
        var heard = viewer.Applied[^1]["asOf"]!.GetValue<DateTimeOffset>();

        // Several times the silence allowed pass (the queues are sent again every 5 s, time alone moving).
        await viewer.UntilAsync(v => v.Applied[^1]["asOf"]!.GetValue<DateTimeOffset>() >= heard.AddSeconds(4));

        Assert.Equal("up", viewer.Feed!["status"]!.GetValue<string>());
    }

    /// <summary>How many events the lines become, read in order by one translator.</summary>
    private static long EventsOf(string[] lines)
    {
        var translator = new QueueLogTranslator("qlf", _ => 0);
        var batch = new QueueLogBatch();
        translator.AddText(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "queue_log", batch);
        return batch.Events.Count;
    }
}
