using System.Buffers;
using System.Text;
using System.Text.Json;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Tests;

/// <summary>Rows for viewers of changes: the id and what differs from the row last sent, whole when in doubt.</summary>
public class RowChangesTests
{
    /// <summary>Writes <paramref name="row"/> as changes, its <paramref name="nested"/> objects noted with their own fields.</summary>
    private static string Write(RowChanges changes, string id, string row, params string[] nested)
    {
        var output = new ArrayBufferWriter<byte>();
        var bytes = Encoding.UTF8.GetBytes(row);
        using (var writer = new Utf8JsonWriter(output))
        {
            changes.Write(writer, id, bytes, JsonFieldReader.Read(bytes, nested));
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private const string Ringing = """{"id":"A1","name":"Li Na","state":"ringing","call":"c1","queues":["q1","q2"],"secondsByState":{"available":10,"ringing":2}}""";
    private const string OnCall = """{"id":"A1","name":"Li Na","state":"oncall","call":"c1","queues":["q1","q2"],"secondsByState":{"available":10,"ringing":5}}""";

    [Fact]
    public void A_row_never_sent_is_written_whole()
    {
        Assert.Equal(Ringing, Write(new RowChanges(), "A1", Ringing));
    }

    [Fact]
    public void A_row_sent_before_is_written_with_its_id_and_what_changed()
    {
        var changes = new RowChanges();
        Write(changes, "A1", Ringing);

        Assert.Equal("""{"id":"A1","state":"oncall","secondsByState":{"available":10,"ringing":5}}""", Write(changes, "A1", OnCall));
    }

    [Fact]
    public void An_unchanged_row_is_its_id_alone_and_every_row_is_compared_with_its_own_last()
    {
        var changes = new RowChanges();
        Write(changes, "A1", Ringing);
        Write(changes, "A2", OnCall.Replace("\"A1\"", "\"A2\"", StringComparison.Ordinal));

        Assert.Equal("""{"id":"A1"}""", Write(changes, "A1", Ringing));
        Assert.Equal("""{"id":"A2","state":"ringing","secondsByState":{"available":10,"ringing":2}}""", Write(changes, "A2", Ringing.Replace("\"A1\"", "\"A2\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_row_that_grows_past_the_room_kept_for_it_and_shrinks_again_is_compared_with_the_last_one()
    {
        var changes = new RowChanges();
        var longName = OnCall.Replace("Li Na", new string('x', 400), StringComparison.Ordinal);
        Write(changes, "A1", Ringing);
        Write(changes, "A1", longName);

        Assert.Equal("""{"id":"A1","name":"Li Na"}""", Write(changes, "A1", OnCall));
        Assert.Equal("""{"id":"A1"}""", Write(changes, "A1", OnCall));
        Assert.Equal("""{"id":"A1","state":"ringing","secondsByState":{"available":10,"ringing":2}}""", Write(changes, "A1", Ringing));
    }

    [Fact]
    public void A_value_that_goes_back_to_what_was_sent_two_rows_ago_is_written()
    {
        var changes = new RowChanges();
        Write(changes, "A1", Ringing);
        Write(changes, "A1", OnCall);

        Assert.Contains("\"state\":\"ringing\"", Write(changes, "A1", Ringing), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_value_is_compared_and_written_whole()
    {
        var changes = new RowChanges();
        Write(changes, "q1", """{"id":"q1","now":{"waiting":1,"available":3},"settings":{"slTarget":0.8}}""");

        Assert.Equal("""{"id":"q1","now":{"waiting":2,"available":3}}""", Write(changes, "q1", """{"id":"q1","now":{"waiting":2,"available":3},"settings":{"slTarget":0.8}}"""));
    }

    [Fact]
    public void A_nested_object_noted_with_its_fields_is_written_with_those_that_changed()
    {
        var changes = new RowChanges();
        Write(changes, "q1", """{"id":"q1","now":{"waiting":1,"available":3,"notReadyByReason":{"away":1}},"today":{"offered":4}}""", JsonFieldReader.QueueNested);

        Assert.Equal(
            """{"id":"q1","now":{"waiting":2,"notReadyByReason":{}}}""",
            Write(changes, "q1", """{"id":"q1","now":{"waiting":2,"available":3,"notReadyByReason":{}},"today":{"offered":4}}""", JsonFieldReader.QueueNested));
    }

    [Theory]
    [InlineData("""{"id":"q1","name":"Sales","now":{"waiting":1}}""")]
    [InlineData("""{"id":"q1","name":"Sales","now":{"available":3,"waiting":1}}""")]
    [InlineData("""{"id":"q1","name":"Sales","now":null}""")]
    public void A_row_whose_nested_object_has_other_fields_than_the_last_one_is_written_whole(string row)
    {
        var changes = new RowChanges();
        Write(changes, "q1", """{"id":"q1","name":"Sales","now":{"waiting":1,"available":3}}""", JsonFieldReader.QueueNested);

        Assert.Equal(row, Write(changes, "q1", row, JsonFieldReader.QueueNested));
    }

    [Theory]
    [InlineData("""{"id":"A1","state":"oncall"}""")]
    [InlineData("""{"id":"A1","name":"Li Na","state":"oncall","call":"c1","queues":["q1","q2"],"secondsByState":{},"extra":1}""")]
    [InlineData("""{"id":"A1","state":"oncall","name":"Li Na","call":"c1","queues":["q1","q2"],"secondsByState":{}}""")]
    public void A_row_whose_fields_differ_from_the_last_ones_is_written_whole(string row)
    {
        var changes = new RowChanges();
        Write(changes, "A1", Ringing);

        Assert.Equal(row, Write(changes, "A1", row));
    }

    [Fact]
    public void After_clear_every_row_is_written_whole_again()
    {
        var changes = new RowChanges();
        Write(changes, "A1", Ringing);
        changes.Clear();

        Assert.Equal(Ringing, Write(changes, "A1", Ringing));
        Assert.Equal(1, changes.Count);
    }
}
