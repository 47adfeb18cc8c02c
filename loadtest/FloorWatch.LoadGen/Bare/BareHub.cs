using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.LoadGen.Bare;

/// <summary>A hub with nothing in it: the server side of the bare SignalR measurement only broadcasts through its context.</summary>
internal sealed class BareHub : Hub;

/// <summary>The small message broadcast (about a hundred bytes of JSON).</summary>
internal sealed record BareMessage(long Seq, DateTimeOffset At, string Text);
