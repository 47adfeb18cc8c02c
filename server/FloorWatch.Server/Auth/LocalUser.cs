namespace FloorWatch.Server.Auth;

/// <summary>A configured user: roles and the centers they may see ("*" = province level).</summary>
public sealed record LocalUser(string Name, PasswordHash Password, IReadOnlySet<string> Roles, IReadOnlySet<string> Centers);
