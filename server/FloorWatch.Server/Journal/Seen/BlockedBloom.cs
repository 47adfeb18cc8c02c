namespace FloorWatch.Server.Journal.Seen;

/// <summary>
/// A Bloom filter over ids that are already uniform 128-bit hashes. All of an id's bits sit in one
/// 512-bit block, so a lookup touches one cache line: a new event is checked against every run on
/// disk, thousands of times a second. About 10 bits per id, so about 1 % of new ids cost a disk read.
/// </summary>
public sealed class BlockedBloom
{
    private const int BitsPerId = 10;
    private const int Probes = 7;
    private const int WordsPerBlock = 8;
    private readonly ulong[] _words;
    private readonly ulong _blocks;

    public BlockedBloom(long ids)
    {
        _blocks = (ulong)Math.Max(1, (ids * BitsPerId + 511) / 512);
        _words = new ulong[checked((int)_blocks * WordsPerBlock)];
    }

    public long Bytes => _words.LongLength * sizeof(ulong);

    public void Add(UInt128 id)
    {
        var (block, bits) = Locate(id);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (int)(bits >> (9 * i)) & 511;
            _words[block + (bit >> 6)] |= 1UL << (bit & 63);
        }
    }

    public bool MayContain(UInt128 id)
    {
        var (block, bits) = Locate(id);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (int)(bits >> (9 * i)) & 511;
            if ((_words[block + (bit >> 6)] & (1UL << (bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The low half picks the block (multiply-shift, no modulo), the high half the bits in it.</summary>
    private (int Block, ulong Bits) Locate(UInt128 id)
    {
        var block = (int)((UInt128)(ulong)id * _blocks >> 64);
        return (block * WordsPerBlock, (ulong)(id >> 64));
    }
}
