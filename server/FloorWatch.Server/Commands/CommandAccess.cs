using System.Security.Claims;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Options;

namespace FloorWatch.Server.Commands;

/// <summary>Who may send which command (contract sections 5 and 6).</summary>
public static class CommandAccess
{
    /// <summary>Every role that may send some command: anyone else is refused before the body is looked at.</summary>
    public static readonly string[] AnyCommand = [Roles.Agent, Roles.Supervisor, Roles.Quality, Roles.Admin];

    /// <summary>Who may read any command of a center (the sender may read their own).</summary>
    public static readonly string[] ReadAll = [Roles.Supervisor, Roles.Admin];

    public static string[] RolesFor(string command) => command switch
    {
        CommandNames.Monitor => [Roles.Quality, Roles.Supervisor, Roles.Admin],
        CommandNames.BreakRequest => [Roles.Agent, Roles.Supervisor, Roles.Admin],
        _ => [Roles.Supervisor, Roles.Admin],
    };

    /// <summary>
    /// What the roles alone do not decide, or null when allowed: the monitor modes of the user's
    /// roles, and that an agent asks for a break for themselves only.
    /// </summary>
    public static string? Refusal(ClaimsPrincipal user, CommandRequest c, MonitorOptions monitor)
    {
        if (c.Command == CommandNames.Monitor)
        {
            var modes = MonitorOptions.MonitorRoles.Where(user.IsInRole).SelectMany(monitor.ModesFor).Distinct(StringComparer.Ordinal).ToList();
            return modes.Contains(c.Mode!)
                ? null
                : $"mode: '{c.Mode}' is not allowed for your role (allowed: {(modes.Count == 0 ? "none" : string.Join(", ", modes))})";
        }

        if (c.Command == CommandNames.BreakRequest && !user.HasAnyRole([Roles.Supervisor, Roles.Admin]) && c.Agent != user.Identity?.Name)
        {
            return "agent: an agent may ask for a break for themselves only";
        }

        return null;
    }
}
