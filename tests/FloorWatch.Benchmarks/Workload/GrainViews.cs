using FloorWatch.Contracts.Views;

namespace FloorWatch.Benchmarks.Workload;

/// <summary>The center clock the view benchmarks use.</summary>
public static class GrainViews
{
    /// <summary>A center in China, as the floor's own: the business day needs a real time zone.</summary>
    public static readonly ClockInfo Clock = new("Asia/Shanghai", "00:00");
}
