namespace FloorWatch.Server.Commands;

/// <summary>A command's new state, to push to its sender and, once final, to audit with the agent's state <paramref name="Before"/> it.</summary>
public sealed record CommandChange(CommandRecord Record, string? Before);
