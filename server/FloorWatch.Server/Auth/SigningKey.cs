using System.Security.Cryptography;
using FloorWatch.Server.Options;
using Microsoft.IdentityModel.Tokens;

namespace FloorWatch.Server.Auth;

/// <summary>The token signing key, kept in the data folder so that tokens (a wallboard's display token) outlive a restart.</summary>
public static class SigningKey
{
    public const string FileName = "signing.key";

    public static SymmetricSecurityKey LoadOrCreate(FloorWatchOptions options)
    {
        var folder = Path.GetFullPath(options.DataPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path) || new FileInfo(path).Length != 64)
        {
            var tmp = path + ".tmp";
            File.WriteAllBytes(tmp, RandomNumberGenerator.GetBytes(64));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(tmp, path, overwrite: true);
        }

        return new SymmetricSecurityKey(File.ReadAllBytes(path));
    }
}
