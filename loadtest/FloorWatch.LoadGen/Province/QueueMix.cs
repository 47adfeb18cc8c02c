using System.Globalization;
using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Province;

/// <summary>
/// A center's queues: a few big ones and a long tail of small ones (share 1/√k), talk times from
/// quick billing questions to long technical calls, and every tenth queue a VIP line.
/// </summary>
internal static class QueueMix
{
    private static readonly double[] TalkSeconds = [95, 115, 130, 105, 150, 240, 80];

    public static IReadOnlyList<QueueProfile> Of(int count)
    {
        var queues = new QueueProfile[count];
        for (var k = 1; k <= count; k++)
        {
            var vip = k % 10 == 0;
            queues[k - 1] = new QueueProfile
            {
                Id = "q" + k.ToString("000", CultureInfo.InvariantCulture),
                Name = "Queue " + k.ToString(CultureInfo.InvariantCulture),
                Share = 1 / Math.Sqrt(k),
                TalkSeconds = TalkSeconds[(k - 1) % TalkSeconds.Length],
                MaxWaitSeconds = vip ? 180 : 300,
                Vip = vip,
            };
        }

        return queues;
    }
}
