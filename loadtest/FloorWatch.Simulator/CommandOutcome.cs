namespace FloorWatch.Simulator;

/// <summary>What the switch made of a command: done now, waiting for the agent's call to end, or ignored (and why).</summary>
public sealed record CommandOutcome(CommandOutcomeKind Kind, string Detail)
{
    public static CommandOutcome Done(string detail) => new(CommandOutcomeKind.Done, detail);

    public static CommandOutcome Pending(string detail) => new(CommandOutcomeKind.Pending, detail);

    public static CommandOutcome Ignored(string detail) => new(CommandOutcomeKind.Ignored, detail);
}

public enum CommandOutcomeKind
{
    Done,
    Pending,
    Ignored,
}
