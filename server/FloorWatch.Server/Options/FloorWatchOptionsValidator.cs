using System.ComponentModel.DataAnnotations;
using System.Net;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Options;

/// <summary>Checks what data annotations cannot: users, roles, centers' settings. Each failure names the key.</summary>
public sealed class FloorWatchOptionsValidator : IValidateOptions<FloorWatchOptions>
{
    public ValidateOptionsResult Validate(string? name, FloorWatchOptions options)
    {
        var errors = new List<string>();
        Annotations(options, FloorWatchOptions.Section, errors);
        Annotations(options.Cti, $"{FloorWatchOptions.Section}:Cti", errors);
        Annotations(options.Silo, $"{FloorWatchOptions.Section}:Silo", errors);
        Annotations(options.Auth, $"{FloorWatchOptions.Section}:Auth", errors);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var u = options.Users[i];
            if (string.IsNullOrWhiteSpace(u.Name))
            {
                errors.Add($"FloorWatch:Users:{i}:Name is required");
            }

            if (string.IsNullOrEmpty(u.Password))
            {
                errors.Add($"FloorWatch:Users:{i}:Password is required");
            }

            foreach (var role in u.Roles)
            {
                if (!Auth.Roles.All.Contains(role))
                {
                    errors.Add($"FloorWatch:Users:{i}:Roles: unknown role '{role}' (one of {string.Join(", ", Auth.Roles.All)})");
                }
            }

            foreach (var center in u.Centers)
            {
                if (center != "*" && !Identifiers.IsCenterId(center))
                {
                    errors.Add($"FloorWatch:Users:{i}:Centers: '{center}' is not a center id or '*'");
                }
            }
        }

        foreach (var (id, c) in options.Centers)
        {
            if (!Identifiers.IsCenterId(id))
            {
                errors.Add($"FloorWatch:Centers:{id}: not a center id ([A-Za-z0-9_-]{{1,64}})");
                continue;
            }

            errors.AddRange(SettingsValidator.Validate(c.ToSettings()).Select(e => $"FloorWatch:Centers:{id}: {e}"));
        }

        errors.AddRange(options.Monitor.Validate());
        errors.AddRange(options.QueueLog.Validate());

        errors.AddRange(AuthorityErrors(options.Auth));

        if (!string.IsNullOrEmpty(options.Redis))
        {
            errors.Add("FloorWatch:Redis: this version runs on its embedded default only (one process, the journal in FloorWatch:DataPath); the Redis mode is not in it yet. Unset FloorWatch__Redis");
        }

        if (!IPAddress.TryParse(options.Cti.TcpAddress, out _))
        {
            errors.Add($"FloorWatch:Cti:TcpAddress: '{options.Cti.TcpAddress}' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
        }

        if (options.Demo && options.Cti.TcpPort == 0)
        {
            errors.Add("FloorWatch:Demo needs the TCP CTI link, which FloorWatch:Cti:TcpPort=0 turns off: give it a port or leave it at 5077");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> AuthorityErrors(AuthOptions auth)
    {
        const string Key = "FloorWatch:Auth";
        if (!auth.HasAuthority)
        {
            if (!string.IsNullOrEmpty(auth.Audience) || !string.IsNullOrEmpty(auth.ClientId))
            {
                yield return $"{Key}:Audience and {Key}:ClientId belong to an OpenID Connect authority: give {Key}:Authority too";
            }

            yield break;
        }

        if (!Uri.TryCreate(auth.Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{Key}:Authority: '{auth.Authority}' is not an http(s) URL (e.g. https://sso.example.com/realms/floor)";
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && auth.RequireHttpsMetadata)
        {
            yield return $"{Key}:Authority: '{auth.Authority}' is not https, and its signing keys would come unprotected; {Key}:RequireHttpsMetadata=false allows it, for a test authority only";
        }

        if (string.IsNullOrEmpty(auth.Audience))
        {
            yield return $"{Key}:Audience is required with {Key}:Authority: the audience its tokens for this server name";
        }
    }

    /// <summary>The ranges and required values a section's properties declare, each named by its key (data annotations alone look at the top level only).</summary>
    private static void Annotations(object section, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        foreach (var r in results)
        {
            errors.Add($"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
        }
    }
}
