namespace FloorWatch.LoadGen.Target;

/// <summary>Where the server under load is and how to get in: HTTP address, CTI link, key, user, and its process if known.</summary>
internal sealed record TargetServer(Uri Http, string CtiHost, int CtiPort, string CtiKey, string User, string Password, int? Pid)
{
    /// <summary>Who wallboard clients sign in as (same password).</summary>
    public string WallboardUser { get; init; } = User;

    /// <summary>Who supervisor clients sign in as (same password).</summary>
    public string SupervisorUser { get; init; } = User;
}
