namespace FloorWatch.Server.Commands;

/// <summary>Where a command is: <c>pending</c>, then <c>done</c>, <c>failed</c> or <c>refused</c> for good.</summary>
public enum CommandState
{
    Pending,
    Done,
    Failed,
    Refused,
}
