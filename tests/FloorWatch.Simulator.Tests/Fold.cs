using FloorWatch.Domain.Events;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Simulator.Tests;

/// <summary>
/// The floor as FloorWatch would fold the simulator's lines: each parsed by the contract's parser,
/// then run through the center sequencer into queue and agent projections (as tests/FloorWatch.Domain.Tests/TestFloor does).
/// </summary>
public sealed class Fold
{
    private readonly FactBatch _batch = new();

    public CenterSequencer Sequencer { get; } = new(CenterSettings.Default);
    public List<string> ParseErrors { get; } = [];
    public List<CtiEvent> Parsed { get; } = [];
    public Dictionary<string, QueueProjection> Queues { get; } = [];
    public Dictionary<string, AgentProjection> Agents { get; } = [];
    public QueueProjection Center { get; } = new("*");

    public static Fold Of(IEnumerable<byte[]> lines, DateTimeOffset now)
    {
        var fold = new Fold();
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            var json = line.AsSpan();
            Assert.Equal((byte)'\n', json[^1]);
            var result = CtiEventParser.Parse(json[..^1], now);
            if (result.Event is { } e)
            {
                fold.Apply(e);
            }
            else
            {
                fold.ParseErrors.Add($"line {n}: {result.Error}");
            }
        }

        return fold;
    }

    private void Apply(CtiEvent e)
    {
        Parsed.Add(e);
        _batch.Clear();
        Sequencer.Apply(e, _batch);
        foreach (var (id, facts) in _batch.Agents)
        {
            var a = Agents.TryGetValue(id, out var x) ? x : Agents[id] = new AgentProjection(id);
            facts.ForEach(f => a.Apply(f));
        }

        foreach (var (id, facts) in _batch.Queues)
        {
            var q = Queues.TryGetValue(id, out var x) ? x : Queues[id] = new QueueProjection(id);
            facts.ForEach(f => q.Apply(f));
        }

        _batch.Center.ForEach(f => Center.Apply(f));
    }

    /// <summary>The center's figures over [from, to), open states counted up to <paramref name="to"/>.</summary>
    public WindowFigures CenterFigures(DateTimeOffset from, DateTimeOffset to) =>
        Center.Figures(from.UtcTicks, to.UtcTicks, to, SlFormula.AbandonsCount);

    public List<string> Anomalies() => Sequencer.Anomalies.Recent.Select(a => $"{a.EventId}: {a.What}").ToList();
}
