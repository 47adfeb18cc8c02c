using System.Text;
using FloorWatch.Server.Ingest;

namespace FloorWatch.Server.Tests;

/// <summary>A followed queue_log's file: whole lines only, a line with no end passed over, and a rotation told by the first line.</summary>
public sealed class QueueLogFileTests : IDisposable
{
    private readonly string _folder = ServerProcess.NewDataPath() + "-qlfile";
    private readonly byte[] _buffer = new byte[64];

    public QueueLogFileTests() => Directory.CreateDirectory(_folder);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_line_being_written_is_not_read_until_it_ends()
    {
        var path = PathOf("queue_log");
        File.WriteAllText(path, "1794815892|NONE|NONE|NONE|QUEUESTART|\n1794816012|MANAGER|gen");
        using var file = QueueLogFile.Open(path)!;

        var n = file.ReadWholeLines(_buffer);
        Assert.Equal("1794815892|NONE|NONE|NONE|QUEUESTART|\n", Encoding.ASCII.GetString(_buffer, 0, n));
        file.Advance(n, 1);
        Assert.Equal(0, file.ReadWholeLines(_buffer));

        File.AppendAllText(path, "eral|SIP/1001|ADDMEMBER|\n");
        n = file.ReadWholeLines(_buffer);
        Assert.Equal("1794816012|MANAGER|general|SIP/1001|ADDMEMBER|\n", Encoding.ASCII.GetString(_buffer, 0, n));
        Assert.Equal("queue_log-1794815892", file.Name);
    }

    [Fact]
    public void A_line_with_no_end_in_a_whole_buffer_is_passed_over_and_the_next_line_read()
    {
        var path = PathOf("queue_log");
        File.WriteAllText(path, "1794815892|NONE|NONE|NONE|QUEUESTART|\n" + new string('x', 200) + "\n1794816034|NONE|NONE|SIP/1001|UNPAUSEALL|\n");
        using var file = QueueLogFile.Open(path)!;
        file.Advance(file.ReadWholeLines(_buffer), 1);

        Assert.Equal(-1, file.ReadWholeLines(_buffer));
        var n = file.ReadWholeLines(_buffer);

        Assert.Equal("1794816034|NONE|NONE|SIP/1001|UNPAUSEALL|\n", Encoding.ASCII.GetString(_buffer, 0, n));
        Assert.Equal(2, file.Lines);
    }

    [Fact]
    public void A_renamed_file_is_still_read_until_a_new_one_is_at_the_path()
    {
        var path = PathOf("queue_log");
        File.WriteAllText(path, "1794815892|NONE|NONE|NONE|QUEUESTART|\n");
        using var file = QueueLogFile.Open(path)!;
        file.Advance(file.ReadWholeLines(_buffer), 1);

        File.Move(path, path + ".1");
        Assert.True(file.IsStillAt(path));
        File.AppendAllText(path + ".1", "1794816012|MANAGER|vip|SIP/1001|ADDMEMBER|\n");
        Assert.True(file.ReadWholeLines(_buffer) > 0);

        File.WriteAllText(path, "1794900000|NONE|NONE|NONE|QUEUESTART|\n");
        Assert.False(file.IsStillAt(path));
    }

    [Fact]
    public void A_file_truncated_in_place_is_a_new_file()
    {
        var path = PathOf("queue_log");
        File.WriteAllText(path, "1794815892|NONE|NONE|NONE|QUEUESTART|\n1794816012|MANAGER|vip|SIP/1001|ADDMEMBER|\n");
        using var file = QueueLogFile.Open(path)!;
        var n = file.ReadWholeLines(_buffer);
        file.Advance(n, 2);
        Assert.True(file.IsStillAt(path));

        File.WriteAllText(path, "");

        Assert.False(file.IsStillAt(path));
    }

    [Fact]
    public void A_first_line_without_an_epoch_names_the_file_by_its_hash()
    {
        var name = QueueLogFile.NameOf("queue_log", Encoding.ASCII.GetBytes("garbage"));

        Assert.Matches("^queue_log-h[0-9a-f]{16}$", name);
    }

    [Fact]
    public void A_long_file_name_is_clipped_so_that_ids_stay_short()
    {
        var name = QueueLogFile.NameOf(new string('q', 300), Encoding.ASCII.GetBytes("1794815892|NONE|NONE|NONE|QUEUESTART|"));

        Assert.Equal(new string('q', 128) + "-1794815892", name);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
