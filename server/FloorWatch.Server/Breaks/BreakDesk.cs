using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Breaks;

/// <summary>
/// Break requests and decisions go through the journal as floor actions, so the center judges an
/// approval against the floor as it stands at that point of the feed, and a restart finds it again.
/// </summary>
public sealed class BreakDesk(IngestPipeline pipeline, CenterDispatcher dispatcher, IGrainFactory grains, TimeProvider time) : IBreakDesk
{
    public async Task<BreakOutcome> RequestAsync(string center, string id, string agent, string reason, int minutes, string by, CancellationToken ct)
    {
        // The outcome is read by the agent on their page: the request's id would only be noise there.
        var done = await ActAsync(center, new FloorAction { Kind = FloorAction.RequestBreak, Id = id, Agent = agent, Reason = reason, Minutes = minutes, By = by, At = time.GetUtcNow() }, id, ct);
        return done is null
            ? new BreakOutcome(false, $"request {id} could not be filed")
            : new BreakOutcome(true, $"break request for {agent} ({reason}, {minutes} min) waits for a duty manager");
    }

    public async Task<BreakOutcome> ApproveAsync(string center, string request, string by, CancellationToken ct)
    {
        if (await Pending(center, request) is { } refusal)
        {
            return refusal;
        }

        var after = await ActAsync(center, new FloorAction { Kind = FloorAction.ApproveBreak, Id = request, By = by, At = time.GetUtcNow() }, request, ct);
        return after switch
        {
            { State: BreakView.Approved or BreakView.Taken } => new BreakOutcome(true, $"break of {after.Agent} approved ({after.Reason}, {after.Minutes} min)"),
            { State: BreakView.Refused } => new BreakOutcome(false, after.Why ?? "refused"),
            _ => new BreakOutcome(false, $"request {request} was decided by someone else first ({after?.State})"),
        };
    }

    public async Task<BreakOutcome> DenyAsync(string center, string request, string why, string by, CancellationToken ct)
    {
        if (await Pending(center, request) is { } refusal)
        {
            return refusal;
        }

        var after = await ActAsync(center, new FloorAction { Kind = FloorAction.DenyBreak, Id = request, Why = why, By = by, At = time.GetUtcNow() }, request, ct);
        return after is { State: BreakView.Denied, DecidedBy: var who } && who == by
            ? new BreakOutcome(true, $"break of {after.Agent} denied: {why}")
            : new BreakOutcome(false, $"request {request} was decided by someone else first ({after?.State})");
    }

    private async Task<BreakOutcome?> Pending(string center, string request)
    {
        var held = await grains.GetGrain<ICenterGrain>(center).Break(request);
        return held switch
        {
            null => new BreakOutcome(false, $"no break request '{request}' in center {center}"),
            { State: BreakView.Pending } => null,
            _ => new BreakOutcome(false, $"request {request} is already {held.State}"),
        };
    }

    private async Task<BreakView?> ActAsync(string center, FloorAction action, string request, CancellationToken ct)
    {
        await pipeline.SubmitActionAsync(center, action, ct);
        await dispatcher.WaitAppliedAsync(center, ct);
        return await grains.GetGrain<ICenterGrain>(center).Break(request);
    }
}
