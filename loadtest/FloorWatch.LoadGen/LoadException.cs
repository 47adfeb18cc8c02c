namespace FloorWatch.LoadGen;

/// <summary>A failure that ends the run, with a message meant for the person running it (e.g. "the server refused the CTI key").</summary>
internal sealed class LoadException : Exception
{
    public LoadException(string message)
        : base(message)
    {
    }

    public LoadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public LoadException()
    {
    }
}
