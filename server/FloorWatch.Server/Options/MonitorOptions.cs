namespace FloorWatch.Server.Options;

/// <summary>
/// Call monitoring (contract section 5): which modes each role may use, and whether the agent is
/// told. Both are explicit settings, never a hidden mode.
/// </summary>
public sealed class MonitorOptions
{
    public static readonly IReadOnlyList<string> AllModes = ["listen", "whisper", "barge", "intercept"];

    /// <summary>The roles that may monitor calls at all.</summary>
    public static readonly IReadOnlyList<string> MonitorRoles = [Auth.Roles.Quality, Auth.Roles.Supervisor, Auth.Roles.Admin];

    /// <summary>
    /// Modes per role (FloorWatch__Monitor__Modes__quality__0=listen). A role given here has exactly
    /// these modes; a role not given keeps its default. Defaults are not put in the dictionary, as
    /// configuration binding would add to them rather than replace them.
    /// </summary>
    public Dictionary<string, List<string>> Modes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tell the agent that a call is monitored (sent to the switch as "announce").</summary>
    public bool Announce { get; set; } = true;

    public IReadOnlyList<string> ModesFor(string role) =>
        Modes.TryGetValue(role, out var modes) ? modes
        : role == Auth.Roles.Quality ? ["listen", "whisper"]
        : role is Auth.Roles.Supervisor or Auth.Roles.Admin ? AllModes
        : [];

    /// <summary>Every problem, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (role, modes) in Modes)
        {
            if (!MonitorRoles.Contains(role))
            {
                yield return $"FloorWatch:Monitor:Modes:{role}: not a role that monitors calls (one of {string.Join(", ", MonitorRoles)})";
                continue;
            }

            for (var i = 0; i < modes.Count; i++)
            {
                if (!AllModes.Contains(modes[i]))
                {
                    yield return $"FloorWatch:Monitor:Modes:{role}:{i}: unknown mode '{modes[i]}' (one of {string.Join(", ", AllModes)})";
                }
            }
        }
    }
}
