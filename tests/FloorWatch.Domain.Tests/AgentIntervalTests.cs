using FloorWatch.Domain.Floor;

namespace FloorWatch.Domain.Tests;

/// <summary>An interval set to another's sums holds a copy of them, whatever it held before.</summary>
public class AgentIntervalTests
{
    private static AgentInterval Interval(params (AgentPhase Phase, string? Reason, double Seconds)[] seconds)
    {
        var i = new AgentInterval { Handled = seconds.Length, HandleTimeSum = 10 * seconds.Length };
        foreach (var (phase, reason, s) in seconds)
        {
            i.AddSeconds(phase, reason, s);
        }

        return i;
    }

    private static object Sums(AgentInterval i) =>
        (string.Join(",", i.SecondsByPhase.ToArray()), string.Join(",", Enumerable.Range(0, i.ReasonCount).Select(i.ReasonAt)), i.Handled, i.HandleTimeSum);

    public static TheoryData<int> Befores() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Befores))]
    public void A_set_interval_holds_the_others_sums_and_not_its_own(int reasonsBefore)
    {
        var target = Interval([.. Enumerable.Range(0, reasonsBefore).Select(k => (AgentPhase.NotReady, (string?)$"old{k}", 5.0)), (AgentPhase.OnCall, null, 7)]);
        var source = Interval((AgentPhase.NotReady, "lunch", 30), (AgentPhase.Available, null, 12), (AgentPhase.NotReady, "培训", 4));

        target.Set(source);

        Assert.Equal(Sums(source), Sums(target));
    }

    [Fact]
    public void An_interval_set_to_one_without_reasons_has_none()
    {
        var target = Interval((AgentPhase.NotReady, "lunch", 30));

        target.Set(Interval((AgentPhase.Available, null, 3)));

        Assert.Equal(0, target.ReasonCount);
    }

    [Fact]
    public void A_set_interval_is_a_copy_the_other_does_not_change_later()
    {
        var source = Interval((AgentPhase.NotReady, "lunch", 30));
        var target = new AgentInterval();
        target.Set(source);
        var copied = Sums(target);

        source.AddSeconds(AgentPhase.NotReady, "lunch", 60);
        source.AddSeconds(AgentPhase.NotReady, "away", 1);
        source.Handled++;

        Assert.Equal(copied, Sums(target));
    }

    [Fact]
    public void An_interval_written_down_and_read_back_holds_the_same_sums()
    {
        var source = Interval((AgentPhase.NotReady, "lunch", 30), (AgentPhase.OnCall, null, 12.5), (AgentPhase.NotReady, "培训", 4));

        var read = AgentInterval.Of(source.SecondsByPhase, source.SecondsByReason, source.Handled, source.HandleTimeSum);

        Assert.Equal(Sums(source), Sums(read));
    }

    [Fact]
    public void An_interval_read_back_with_the_wrong_number_of_states_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgentInterval.Of([1, 2], [], 0, 0));
        Assert.Contains("not 2", ex.Message, StringComparison.Ordinal);
    }
}
