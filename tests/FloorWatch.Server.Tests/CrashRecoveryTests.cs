using System.Text;

namespace FloorWatch.Server.Tests;

/// <summary>Killed hard in the middle of a feed, the server restarts from its journal: nothing acknowledged is lost, nothing is counted twice.</summary>
public class CrashRecoveryTests
{
    [Fact]
    public async Task Kill_9_mid_feed_then_restart_and_resend_gives_the_figures_of_an_uninterrupted_run()
    {
        var lines = Feeds.ShiftLines("crash");
        var data = ServerProcess.NewDataPath();
        await using (var first = await ServerProcess.StartAsync(data))
        {
            foreach (var part in lines[..900].Chunk(150))
            {
                await first.PostEvents(string.Join('\n', part));
            }

            first.KillHard();
        }

        // A write torn by the crash: half a record with no newline at the end of the journal.
        await File.AppendAllTextAsync(Path.Combine(data, "journal.ndjson"), "901\tE\t{\"id\":\"torn", Encoding.UTF8);

        await using var second = await ServerProcess.StartAsync(data);
        // The switch resends from a point before its last acknowledgement.
        var resent = await second.PostEvents(string.Join('\n', lines[800..]));
        Assert.Equal(100, resent.GetProperty("duplicates").GetInt32());
        Assert.Equal(lines.Length - 900, resent.GetProperty("accepted").GetInt32());

        using var admin = await second.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "crash");
        Directory.Delete(data, recursive: true);
    }
}
