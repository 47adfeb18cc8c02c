using System.Security.Cryptography;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Auth;

/// <summary>
/// The local users of contract section 7. With none configured, an admin with a random password
/// printed once, unless an OpenID Connect authority signs users in instead.
/// </summary>
public sealed class UserStore
{
    private readonly Dictionary<string, LocalUser> _users = new(StringComparer.Ordinal);
    private readonly PasswordHash _decoy = new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public UserStore(IOptions<FloorWatchOptions> options, ILogger<UserStore> log)
    {
        foreach (var u in options.Value.Users)
        {
            _users[u.Name] = new LocalUser(u.Name, new PasswordHash(u.Password), u.Roles.ToHashSet(StringComparer.Ordinal), u.Centers.Count == 0 ? new HashSet<string> { "*" } : u.Centers.ToHashSet(StringComparer.Ordinal));
        }

        if (_users.Count == 0 && options.Value.Auth.HasAuthority)
        {
            log.LogInformation("Sign-in is through the OpenID Connect authority {Authority}; with no local users configured, this server issues no tokens of its own", options.Value.Auth.Authority);
        }
        else if (_users.Count == 0)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).TrimEnd('=').Replace('/', 'x').Replace('+', 'y');
            _users["admin"] = new LocalUser("admin", new PasswordHash(password), new HashSet<string> { Roles.Admin, Roles.Supervisor }, new HashSet<string> { "*" });
            log.LogWarning("No users are configured (FloorWatch__Users__0__Name, __Password, __Roles__0, __Centers__0). Sign in as 'admin' with password {Password} — shown only now.", password);
        }
    }

    /// <summary>Whether this server signs anyone in itself (with an authority and no local users configured, it does not).</summary>
    public bool Any => _users.Count > 0;

    /// <summary>The user whose name and password match; the same work is done for an unknown name, so timing tells nothing.</summary>
    public LocalUser? Verify(string name, string password)
    {
        if (_users.TryGetValue(name, out var user))
        {
            return user.Password.Matches(password) ? user : null;
        }

        _decoy.Matches(password);
        return null;
    }
}
