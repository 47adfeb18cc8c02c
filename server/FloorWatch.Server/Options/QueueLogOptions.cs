using FloorWatch.Domain.Events;

namespace FloorWatch.Server.Options;

/// <summary>
/// An Asterisk queue_log to follow as it grows (contract section 1, Transports): its path and the
/// center its lines are of. No path, nothing followed.
/// </summary>
public sealed class QueueLogOptions
{
    /// <summary>The queue_log file (FloorWatch__QueueLog__Path), e.g. /var/log/asterisk/queue_log.</summary>
    public string? Path { get; set; }

    /// <summary>The center its lines are of (FloorWatch__QueueLog__Center).</summary>
    public string? Center { get; set; }

    /// <summary>How often the file is looked at for new lines and for a rotation.</summary>
    public int PollMs { get; set; } = 250;

    /// <summary>Every problem, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            if (!string.IsNullOrEmpty(Center))
            {
                yield return "FloorWatch:QueueLog:Center is set but FloorWatch:QueueLog:Path is not: give the queue_log file to follow";
            }

            yield break;
        }

        if (string.IsNullOrEmpty(Center) || !Identifiers.IsCenterId(Center))
        {
            yield return $"FloorWatch:QueueLog:Center: required with FloorWatch:QueueLog:Path, a center id ([A-Za-z0-9_-]{{1,64}}) (got '{Center}')";
        }

        if (PollMs is < 10 or > 60_000)
        {
            yield return $"FloorWatch:QueueLog:PollMs: between 10 and 60000 (got {PollMs})";
        }
    }
}
