using System.Security.Cryptography;
using System.Text;

namespace FloorWatch.Server.Auth;

/// <summary>A salted PBKDF2 hash of a password, made at start so the plain text is not kept.</summary>
public sealed class PasswordHash
{
    private const int Iterations = 100_000;
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _hash;

    public PasswordHash(string password) => _hash = Derive(password);

    public bool Matches(string password) => CryptographicOperations.FixedTimeEquals(Derive(password), _hash);

    private byte[] Derive(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), _salt, Iterations, HashAlgorithmName.SHA256, 32);
}
