using System.Security.Cryptography;
using System.Text;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary>The switch's key (X-Api-Key header, TCP hello), compared in constant time.</summary>
public sealed class CtiKey(IOptions<FloorWatchOptions> options)
{
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.Cti.ApiKey);

    public bool Matches(string? presented) =>
        IsConfigured && presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Cti.ApiKey!)));
}
