using Microsoft.Extensions.Logging;

namespace FloorWatch.Simulator;

/// <summary>
/// The demo switch: runs a <see cref="CenterModel"/> in real time (per the <see cref="TimeProvider"/>)
/// and streams it to a FloorWatch server over the TCP CTI link, obeying the server's commands,
/// until cancelled; then it ends what it started (calls, logins) and gives the server a few seconds
/// to acknowledge that.
/// </summary>
public sealed class SwitchSimulator
{
    /// <summary>How long a stopping switch waits for the server to acknowledge its last events.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMinutes(1);

    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public SwitchSimulator(SimulatorOptions options, TimeProvider time, ILogger logger)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid simulator options: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _time = time;
        _log = logger;
    }

    /// <summary>Streams the simulated center until <paramref name="ct"/> is cancelled, then stops it cleanly; completes once stopped.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var o = _options;
        var model = new CenterModel(o, _time);
        var link = new CtiLinkClient(o.Host, o.Port, o.ApiKey, o.Center, _time, _log);
        _log.LogInformation(
            "Demo switch: center {Center}, {Agents} agents, {Queues} queues, {CallsPerHour} calls/h → {Host}:{Port} (seed {Seed}, run {RunId})",
            o.Center, o.Agents, o.Queues.Count, o.CallsPerHour, o.Host, o.Port, model.Seed, model.RunId);

        using var linkStop = new CancellationTokenSource();
        var linkRun = link.RunAsync(linkStop.Token);
        try
        {
            await StreamAsync(model, link, ct).ConfigureAwait(false);
            await StopAsync(model, link).ConfigureAwait(false);
        }
        finally
        {
            await linkStop.CancelAsync().ConfigureAwait(false);
            await linkRun.ConfigureAwait(false);
        }

        _log.LogInformation("Demo switch stopped: {Sent} events sent, {Acked} acknowledged, {Refused} refused", link.Sent, link.Acknowledged, link.Refused);
    }

    /// <summary>Runs the model in time, hands its events to the link and the server's commands to the model, until cancelled.</summary>
    private async Task StreamAsync(CenterModel model, CtiLinkClient link, CancellationToken ct)
    {
        var batch = new List<SwitchEvent>();
        var nextProgress = _time.GetUtcNow() + ProgressEvery;
        while (!ct.IsCancellationRequested)
        {
            model.Advance(batch);
            while (link.Commands.TryRead(out var command))
            {
                Obey(model, command, batch);
            }

            link.Enqueue(batch);
            batch.Clear();
            if (_time.GetUtcNow() >= nextProgress)
            {
                nextProgress = _time.GetUtcNow() + ProgressEvery;
                _log.LogInformation(
                    "Demo switch: {Sent} events sent, {Acked} acknowledged, {Pending} awaiting acknowledgement; {Calls} calls live, {Agents} agents logged in",
                    link.Sent, link.Acknowledged, link.Unacknowledged, model.LiveCalls, model.AgentsLoggedIn);
            }

            await NextStepAsync(model, link, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ends every call and login the model started, and gives the server <see cref="StopGrace"/> to acknowledge that.</summary>
    private async Task StopAsync(CenterModel model, CtiLinkClient link)
    {
        var calls = model.LiveCalls;
        var agents = model.AgentsLoggedIn;
        var batch = new List<SwitchEvent>();
        model.Stop(batch);
        link.Enqueue(batch);
        _log.LogInformation("Demo switch stopping: {Calls} calls ended, {Agents} agents logged out", calls, agents);
        using var grace = new CancellationTokenSource(StopGrace, _time);
        if (!await link.WaitAllAcknowledgedAsync(grace.Token).ConfigureAwait(false))
        {
            _log.LogWarning("Demo switch: {Count} events not acknowledged by the server before stopping", link.Unacknowledged);
        }
    }

    private void Obey(CenterModel model, SwitchCommand command, List<SwitchEvent> output)
    {
        var outcome = model.Obey(command, output);
        var level = outcome.Kind == CommandOutcomeKind.Ignored ? LogLevel.Warning : LogLevel.Information;
        _log.Log(level, "Demo switch: command {Id} {Command} {Outcome}: {Detail}", command.Id, command.Command, outcome.Kind.ToString().ToLowerInvariant(), outcome.Detail);
    }

    /// <summary>Waits until the model's next step is due, a command arrives, or the run is cancelled.</summary>
    private async Task NextStepAsync(CenterModel model, CtiLinkClient link, CancellationToken ct)
    {
        var delay = (model.NextDueAt ?? _time.GetUtcNow() + ProgressEvery) - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero || link.Commands.TryPeek(out _))
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var due = Task.Delay(delay, _time, wake.Token);
        var command = link.Commands.WaitToReadAsync(wake.Token).AsTask();
        await Task.WhenAny(due, command).ConfigureAwait(false);

        // Frees the other wait's timer or registration (a cancelled task raises no unobserved exception).
        await wake.CancelAsync().ConfigureAwait(false);
    }
}
