using System.Globalization;

namespace FloorWatch.LoadGen;

/// <summary>Timestamped progress lines on the console; this program needs no logging framework.</summary>
internal static class Log
{
    public static void Info(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:HH:mm:ss} {message}"));

    public static void Warn(string message) => Info("warning: " + message);
}
