using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace FloorWatch.Server.Journal.Seen;

/// <summary>
/// Ids moved out of memory: a file of sorted 128-bit hashes, 16 bytes each. In memory it keeps only
/// a Bloom filter and the first hash of every 4 KiB block, so checking an id costs a filter probe
/// and, for ids that may be there, one block read.
/// </summary>
public sealed class SeenRun : IDisposable
{
    private const int IdBytes = 16;
    private const int IdsPerBlock = 256;
    private readonly SafeFileHandle _file;
    private readonly BlockedBloom _bloom;
    private readonly UInt128[] _fences;
    private readonly byte[] _block = new byte[IdsPerBlock * IdBytes];

    private SeenRun(string path, SafeFileHandle file, long count, BlockedBloom bloom, UInt128[] fences)
    {
        Path = path;
        _file = file;
        Count = count;
        _bloom = bloom;
        _fences = fences;
    }

    public string Path { get; }

    public long Count { get; }

    /// <summary>What the run holds in memory.</summary>
    public long MemoryBytes => _bloom.Bytes + _fences.LongLength * IdBytes;

    /// <summary>Writes <paramref name="sorted"/> (ascending, no repeats) to a new file at <paramref name="path"/>.</summary>
    public static SeenRun Write(string path, ReadOnlySpan<UInt128> sorted)
    {
        using var writer = new RunWriter(path, sorted.Length);
        foreach (var id in sorted)
        {
            writer.Add(id);
        }

        return writer.Finish();
    }

    /// <summary>Merges runs into one new file; the inputs stay as they are.</summary>
    public static SeenRun Merge(string path, IReadOnlyList<SeenRun> runs)
    {
        var readers = new List<RunReader>(runs.Count);
        try
        {
            foreach (var run in runs)
            {
                readers.Add(new RunReader(run.Path));
            }

            using var writer = new RunWriter(path, runs.Sum(r => r.Count));
            UInt128? last = null;
            while (true)
            {
                RunReader? least = null;
                foreach (var r in readers)
                {
                    if (r.Current is { } c && (least is null || c < least.Current!.Value))
                    {
                        least = r;
                    }
                }

                if (least is null)
                {
                    break;
                }

                var id = least.Current!.Value;
                if (id != last)
                {
                    writer.Add(id);
                    last = id;
                }

                least.Next();
            }

            return writer.Finish();
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    public bool Contains(UInt128 id)
    {
        if (!_bloom.MayContain(id))
        {
            return false;
        }

        // The block whose first id is the last one at or below this id.
        var at = Array.BinarySearch(_fences, id);
        var block = at >= 0 ? at : ~at - 1;
        if (block < 0)
        {
            return false;
        }

        var ids = (int)Math.Min(IdsPerBlock, Count - (long)block * IdsPerBlock);
        var bytes = _block.AsSpan(0, ids * IdBytes);
        RandomAccess.Read(_file, bytes, (long)block * IdsPerBlock * IdBytes);
        int lo = 0, hi = ids - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = Read(bytes[(mid * IdBytes)..]);
            if (value == id)
            {
                return true;
            }

            if (value < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>Closes the file and deletes it.</summary>
    public void Dispose()
    {
        _file.Dispose();
        File.Delete(Path);
    }

    private static UInt128 Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt128LittleEndian(bytes);

    private sealed class RunWriter : IDisposable
    {
        private readonly string _path;
        private readonly FileStream _out;
        private readonly BlockedBloom _bloom;
        private readonly List<UInt128> _fences;
        private readonly byte[] _buffer = new byte[IdBytes];
        private long _count;
        private bool _finished;

        public RunWriter(string path, long capacity)
        {
            _path = path;
            _out = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
            _bloom = new BlockedBloom(capacity);
            _fences = new List<UInt128>((int)(capacity / IdsPerBlock) + 1);
        }

        public void Add(UInt128 id)
        {
            if (_count % IdsPerBlock == 0)
            {
                _fences.Add(id);
            }

            _bloom.Add(id);
            BinaryPrimitives.WriteUInt128LittleEndian(_buffer, id);
            _out.Write(_buffer);
            _count++;
        }

        public SeenRun Finish()
        {
            _out.Flush();
            _out.Dispose();
            _finished = true;
            return new SeenRun(_path, File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete), _count, _bloom, [.. _fences]);
        }

        public void Dispose()
        {
            if (!_finished)
            {
                _out.Dispose();
                File.Delete(_path);
            }
        }
    }

    private sealed class RunReader : IDisposable
    {
        private readonly FileStream _in;
        private readonly byte[] _buffer = new byte[IdBytes];

        public RunReader(string path)
        {
            _in = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
            Next();
        }

        public UInt128? Current { get; private set; }

        public void Next() => Current = _in.ReadAtLeast(_buffer, IdBytes, throwOnEndOfStream: false) == IdBytes ? Read(_buffer) : null;

        public void Dispose() => _in.Dispose();
    }
}
