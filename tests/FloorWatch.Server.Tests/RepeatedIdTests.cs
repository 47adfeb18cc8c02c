namespace FloorWatch.Server.Tests;

/// <summary>
/// The server with room for only four ids per center in memory: a resend is caught once its ids
/// live on disk, and again after a restart, when they were made again from the journal.
/// </summary>
public class RepeatedIdTests
{
    [Fact]
    public async Task A_resend_of_ids_moved_to_disk_is_counted_nothing_before_and_after_a_restart()
    {
        var lines = Feeds.ShiftLines("repeat");
        var settings = new Dictionary<string, string> { ["FloorWatch__SeenIdsInMemory"] = "4" };
        var data = ServerProcess.NewDataPath();
        await using (var first = await ServerProcess.StartAsync(data, settings: settings))
        {
            var fed = await first.PostEvents(string.Join('\n', lines[..600]));
            Assert.Equal(600, fed.GetProperty("accepted").GetInt32());
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "seen-ids"), "*.ids", SearchOption.AllDirectories));

            var resent = await first.PostEvents(string.Join('\n', lines[..600]));
            Assert.Equal(600, resent.GetProperty("duplicates").GetInt32());
            Assert.Equal(0, resent.GetProperty("accepted").GetInt32());
        }

        await using var second = await ServerProcess.StartAsync(data, settings: settings);
        var again = await second.PostEvents(string.Join('\n', lines));
        Assert.Equal(600, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(lines.Length - 600, again.GetProperty("accepted").GetInt32());

        using var admin = await second.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "repeat");
        Directory.Delete(data, recursive: true);
    }
}
