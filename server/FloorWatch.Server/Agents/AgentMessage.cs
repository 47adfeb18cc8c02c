namespace FloorWatch.Server.Agents;

/// <summary>A message from a supervisor, as the agent's page shows it.</summary>
public sealed record AgentMessage(DateTimeOffset At, string From, string Text);
