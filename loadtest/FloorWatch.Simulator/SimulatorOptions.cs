namespace FloorWatch.Simulator;

/// <summary>What the demo switch simulates and where it sends it.</summary>
public sealed record SimulatorOptions
{
    public const int MaxAgents = 10_000;
    public const int MaxRunIdLength = 40;

    /// <summary>The FloorWatch server's TCP CTI link.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5077;

    /// <summary>The CTI key presented in the hello line (the server's <c>FloorWatch__Cti__ApiKey</c>).</summary>
    public string ApiKey { get; init; } = "";

    public string Center { get; init; } = "demo";

    public int Agents { get; init; } = 48;

    public IReadOnlyList<QueueProfile> Queues { get; init; } = QueueProfile.Defaults;

    /// <summary>Arrivals over all queues; 900 keeps 48 agents busy and mostly within service level.</summary>
    public double CallsPerHour { get; init; } = 900;

    /// <summary>Seeds the model's randomness; the same seed (and start time) gives the same stream. Null = random.</summary>
    public int? Seed { get; init; }

    public double HeartbeatSeconds { get; init; } = 5;

    /// <summary>Prefix of event and call ids; null = random per run, so a restarted switch never repeats an id the server would drop.</summary>
    public string? RunId { get; init; }

    /// <summary>Every problem, each starting with the name of the option at fault; empty when the options can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{nameof(Host)}: required");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"{nameof(Port)}: must be between 1 and 65535 (got {Port})");
        }

        if (string.IsNullOrEmpty(ApiKey))
        {
            errors.Add($"{nameof(ApiKey)}: required (the server's FloorWatch__Cti__ApiKey)");
        }

        errors.AddRange(ValidateModel());
        return errors;
    }

    /// <summary>The problems of the simulated center alone (what a model without a link needs).</summary>
    public IReadOnlyList<string> ValidateModel()
    {
        var errors = new List<string>();
        if (!WireIds.IsCenterId(Center))
        {
            errors.Add($"{nameof(Center)}: '{Center}' must match [A-Za-z0-9_-]{{1,64}}");
        }

        if (Agents is < 1 or > MaxAgents)
        {
            errors.Add($"{nameof(Agents)}: must be between 1 and {MaxAgents} (got {Agents})");
        }

        ValidateQueues(errors);
        if (!double.IsFinite(CallsPerHour) || CallsPerHour < 0 || CallsPerHour > 1_000_000)
        {
            errors.Add($"{nameof(CallsPerHour)}: must be between 0 and 1000000 (got {CallsPerHour})");
        }

        // The server calls a feed silent after 15 s without an event or heartbeat.
        if (!double.IsFinite(HeartbeatSeconds) || HeartbeatSeconds < 1 || HeartbeatSeconds > 60)
        {
            errors.Add($"{nameof(HeartbeatSeconds)}: must be between 1 and 60 (got {HeartbeatSeconds})");
        }

        if (RunId is not null && (RunId.Length > MaxRunIdLength || !WireIds.IsEntityId(RunId)))
        {
            errors.Add($"{nameof(RunId)}: '{RunId}' must match [A-Za-z0-9_.-]{{1,{MaxRunIdLength}}}");
        }

        return errors;
    }

    private void ValidateQueues(List<string> errors)
    {
        if (Queues is null || Queues.Count == 0)
        {
            errors.Add($"{nameof(Queues)}: at least one queue is needed");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Queues.Count; i++)
        {
            var q = Queues[i];
            var field = $"{nameof(Queues)}[{i}]";
            if (!WireIds.IsEntityId(q.Id))
            {
                errors.Add($"{field}.{nameof(QueueProfile.Id)}: '{q.Id}' must match [A-Za-z0-9_.-]{{1,64}}");
            }
            else if (!seen.Add(q.Id))
            {
                errors.Add($"{field}.{nameof(QueueProfile.Id)}: '{q.Id}' is listed twice");
            }

            if (!double.IsFinite(q.Share) || q.Share <= 0)
            {
                errors.Add($"{field}.{nameof(QueueProfile.Share)}: must be more than 0 (got {q.Share})");
            }

            if (!double.IsFinite(q.TalkSeconds) || q.TalkSeconds is < 5 or > 7200)
            {
                errors.Add($"{field}.{nameof(QueueProfile.TalkSeconds)}: must be between 5 and 7200 (got {q.TalkSeconds})");
            }

            if (!double.IsFinite(q.MaxWaitSeconds) || q.MaxWaitSeconds is < 10 or > 86400)
            {
                errors.Add($"{field}.{nameof(QueueProfile.MaxWaitSeconds)}: must be between 10 and 86400 (got {q.MaxWaitSeconds})");
            }
        }
    }
}
