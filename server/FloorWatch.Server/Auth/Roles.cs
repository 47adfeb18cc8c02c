namespace FloorWatch.Server.Auth;

/// <summary>The roles of contract section 6.</summary>
public static class Roles
{
    public const string Wallboard = "wallboard";
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Quality = "quality";
    public const string Admin = "admin";
    public const string Cti = "cti";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Wallboard, Agent, Supervisor, Quality, Admin, Cti };

    /// <summary>Who may read a center's floor figures.</summary>
    public static readonly string[] FloorReaders = [Wallboard, Supervisor, Quality, Admin];
}
