using System.Security.Claims;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FloorWatch.Server.Auth;

/// <summary>Issues the bearer tokens of <c>POST /api/auth/token</c>.</summary>
public sealed class TokenService(IOptions<FloorWatchOptions> options, SymmetricSecurityKey key, TimeProvider time)
{
    public const string Issuer = "floorwatch";
    public const string CenterClaim = "center";

    public string Issue(LocalUser user)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user.Name), new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(user.Centers.Select(c => new Claim(CenterClaim, c)));
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(options.Value.Auth.TokenHours),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
