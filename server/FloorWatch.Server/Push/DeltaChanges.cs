using System.Buffers;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Api;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Push;

/// <summary>
/// One center's deltas for the viewers that asked for changes only (the product's own pages):
/// each queue and agent row with its id and the fields that are not as last sent. A supervisor's
/// delta is most of what the server sends, and a third or more of an agent's row is its name,
/// seat, queues and other fields that a change of state leaves as they were.
/// </summary>
/// <remarks>Called for a center's deltas in seq order, from one thread at a time; joins come at any time.</remarks>
public sealed class DeltaChanges
{
    private readonly RowChanges _totals = new();
    private readonly RowChanges _queues = new();
    private readonly RowChanges _agents = new();
    // Kept from delta to delta: grown once to a supervisor delta's size instead of doubling up to it every time.
    private readonly ArrayBufferWriter<byte> _written = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _row = new(1024);
    private readonly JsonField[] _agentFields = new JsonField[AgentRow.FieldCount];
    private readonly JsonField[] _queueFields = new JsonField[QueueRow.FieldCount];
    private long _seq = long.MinValue;
    private int _viewers;
    private readonly Lock _gate = new();
    private int _joining;
    private long _wholeThrough = long.MinValue;

    /// <summary>Viewers of changes of this center on this node; none, and no rows are kept or written.</summary>
    public int Viewers => Volatile.Read(ref _viewers);

    public void Track(bool watched) => Interlocked.Add(ref _viewers, watched ? 1 : -1);

    /// <summary>
    /// A viewer is joining. Its snapshot is taken between two deltas, and a row that changed after
    /// the one before the snapshot may have changed back by the one after it, so until the join is
    /// over every delta writes its rows whole and forgets the others.
    /// </summary>
    public void BeginJoin()
    {
        lock (_gate)
        {
            _joining++;
        }
    }

    /// <summary>The joining viewer has its snapshot of <paramref name="snapshotSeq"/>: the delta after it is still written whole.</summary>
    public void EndJoin(long? snapshotSeq)
    {
        lock (_gate)
        {
            _joining--;
            if (snapshotSeq is { } seq)
            {
                _wholeThrough = Math.Max(_wholeThrough, seq + 1);
            }
        }
    }

    /// <summary>The delta for supervisors' and for wallboards' viewers of changes.</summary>
    public (object Floor, object Board) Messages(FloorDelta d, object feed)
    {
        bool whole;
        lock (_gate)
        {
            whole = _joining > 0 || d.Seq <= _wholeThrough;
        }

        if (whole || d.Seq != _seq + 1)
        {
            // A viewer joining, or a missed or repeated seq: what every viewer holds is not known, so nothing is left out.
            _totals.Clear();
            _queues.Clear();
            _agents.Clear();
        }

        _seq = d.Seq;
        var totals = Rows(_totals, [d.Totals], q => q.Id, WriteQueue, _queueFields, array: false);
        var queues = Rows(_queues, d.Queues, q => q.Id, WriteQueue, _queueFields, array: true);
        var alerts = ApiJson.AlertsByAgent(d.AgentAlerts);
        var agents = Rows(
            _agents,
            d.Agents,
            a => a.Id,
            (a, writer, fields) => ApiJson.Agent(a, d.AsOf, alerts.GetValueOrDefault(a.Id) ?? []).Write(writer, JournalJson.Options, fields),
            _agentFields,
            array: true);
        return (
            ApiJson.Delta(d, feed, totals, queues, agents, d.Calls, d.EndedCalls),
            ApiJson.Delta(d, feed, totals, queues, Array.Empty<object>(), Array.Empty<object>(), Array.Empty<string>()));
    }

    private static int WriteQueue(QueueView q, Utf8JsonWriter writer, Span<JsonField> fields) => ApiJson.Queue(q).Write(writer, JournalJson.Options, fields);

    private delegate int RowWriter<in T>(T item, Utf8JsonWriter writer, Span<JsonField> fields);

    /// <summary>
    /// The rows (or the totals' row, alone and not in an array), each written on its own with where
    /// its fields lie, then as its changes from the row last sent: found without reading it back.
    /// </summary>
    private RawJson Rows<T>(RowChanges changes, IReadOnlyList<T> items, Func<T, string> id, RowWriter<T> write, JsonField[] fields, bool array)
    {
        _written.ResetWrittenCount();
        using var rowWriter = new Utf8JsonWriter(_row);
        using (var writer = new Utf8JsonWriter(_written))
        {
            if (array)
            {
                writer.WriteStartArray();
            }

            foreach (var item in items)
            {
                _row.ResetWrittenCount();
                rowWriter.Reset(_row);
                var noted = write(item, rowWriter, fields);
                rowWriter.Flush();
                changes.Write(writer, id(item), _row.WrittenSpan, fields.AsSpan(0, noted));
            }

            if (array)
            {
                writer.WriteEndArray();
            }
        }

        return new RawJson(_written.WrittenSpan.ToArray());
    }
}
