namespace FloorWatch.LoadGen.Checks;

/// <summary>One figure the server has other than the generator sent.</summary>
internal sealed record CountMismatch(string Center, string Queue, string Day, string Figure, long Sent, long Server);
