namespace FloorWatch.LoadGen.Timing;

/// <summary>Latency samples in seconds from many threads; all kept (a run makes a few hundred thousand), plus a window for progress lines.</summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _all = [];
    private List<double> _window = [];

    public void Add(double seconds)
    {
        lock (_lock)
        {
            _all.Add(seconds);
            _window.Add(seconds);
        }
    }

    public Percentiles All()
    {
        lock (_lock)
        {
            return Percentiles.Of(_all);
        }
    }

    /// <summary>How many samples so far: a mark for <see cref="Since"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>The samples after the first <paramref name="mark"/> (e.g. past the warm-up).</summary>
    public Percentiles Since(int mark)
    {
        lock (_lock)
        {
            return Percentiles.Of(_all.GetRange(Math.Min(mark, _all.Count), _all.Count - Math.Min(mark, _all.Count)));
        }
    }

    /// <summary>The samples since the previous call.</summary>
    public Percentiles TakeWindow()
    {
        List<double> window;
        lock (_lock)
        {
            window = _window;
            _window = [];
        }

        return Percentiles.Of(window);
    }
}
