namespace FloorWatch.Server.Commands;

/// <summary>The commands of contract section 5, by the names a client posts.</summary>
public static class CommandNames
{
    public const string ForceReady = "agent.forceReady";
    public const string ForceNotReady = "agent.forceNotReady";
    public const string ForceLogout = "agent.forceLogout";
    public const string SetQueues = "agent.setQueues";
    public const string Message = "agent.message";
    public const string Monitor = "call.monitor";
    public const string BreakRequest = "break.request";
    public const string BreakApprove = "break.approve";
    public const string BreakDeny = "break.deny";

    public static readonly IReadOnlyList<string> All = [ForceReady, ForceNotReady, ForceLogout, SetQueues, Message, Monitor, BreakRequest, BreakApprove, BreakDeny];

    /// <summary>Commands the switch carries out, sent over the CTI link under the same name.</summary>
    public static bool GoesToSwitch(string command) => command is ForceReady or ForceNotReady or ForceLogout or SetQueues or Message or Monitor;

    /// <summary>Commands that ask the switch to change an agent's state.</summary>
    public static bool IsAgentCommand(string command) => command is ForceReady or ForceNotReady or ForceLogout or SetQueues or Message;

    public static bool IsBreakCommand(string command) => command is BreakRequest or BreakApprove or BreakDeny;
}
