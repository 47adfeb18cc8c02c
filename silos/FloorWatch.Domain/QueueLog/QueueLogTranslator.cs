using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FloorWatch.Domain.Events;

namespace FloorWatch.Domain.QueueLog;

/// <summary>
/// Turns an Asterisk <c>queue_log</c>, line by line in file order, into the CTI events of the
/// contract (section 1, Transports). Asterisk logs members and calls, not agent states, so the
/// translator keeps each member's queues, pause and call to know what a line means for the agent.
/// Event ids are <c>ql:&lt;file&gt;:&lt;byte offset&gt;</c> (a second event from the same line adds
/// <c>:2</c>, and so on), so translating the same file again gives the same events. One translator
/// follows a log across its rotations: the members' state goes on from one file to the next.
/// </summary>
public sealed class QueueLogTranslator(string center, Func<string, double> wrapUpSeconds)
{
    /// <summary>Asterisk rings every free member at once; a ring cut short by another member's answer is not a miss.</summary>
    public const int MissedRingMilliseconds = 5000;

    /// <summary>Longest file name put in ids, so that every id stays within the contract's 256 characters.</summary>
    public const int MaxFileNameLength = 128;

    private readonly string _center = center;
    private readonly Dictionary<string, QueueLogMember> _members = new(StringComparer.Ordinal);
    private readonly PriorityQueue<QueueLogMember, (DateTimeOffset At, long Order)> _wrapUps = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private long _order;

    /// <summary>Translates a body of lines: the whole of file <paramref name="fileName"/>, or its lines from <paramref name="baseOffset"/>, the first of them line <paramref name="firstLine"/>.</summary>
    public void AddText(ReadOnlySpan<byte> text, string fileName, QueueLogBatch into, long baseOffset = 0, long firstLine = 1)
    {
        var lineNumber = firstLine - 1;
        var start = baseOffset == 0 && text.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start < text.Length)
        {
            lineNumber++;
            var newline = text[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? text.Length : start + newline;
            var line = text[start..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            Add(line, fileName, lineNumber, baseOffset + start, into);
            start = end + 1;
        }
    }

    /// <summary>One line, at byte <paramref name="offset"/> of file <paramref name="fileName"/>.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string fileName, long lineNumber, long offset, QueueLogBatch into)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        if (utf8.Length > QueueLogLine.MaxBytes)
        {
            into.Rejected.Add((lineNumber, $"line longer than {QueueLogLine.MaxBytes} bytes; a queue_log line is a few hundred"));
            return;
        }

        if (!Utf8.IsValid(utf8))
        {
            into.Rejected.Add((lineNumber, "not UTF-8 text"));
            return;
        }

        if (QueueLogLine.Parse(Encoding.UTF8.GetString(utf8), out var error) is not { } line)
        {
            into.Rejected.Add((lineNumber, error!));
            return;
        }

        EndWrapUpsBy(line.Ts, into);
        var emit = new Emitter(this, into, lineNumber, $"ql:{fileName}:{offset.ToString(CultureInfo.InvariantCulture)}", line.Ts);
        error = Apply(line, ref emit);
        if (error is not null)
        {
            into.Rejected.Add((lineNumber, error));
        }
        else if (emit.Count == 0)
        {
            into.Skipped++;
        }
    }

    /// <summary>What the translator holds of each member, to be saved and given back to <see cref="Restore"/>.</summary>
    public IReadOnlyCollection<QueueLogMember> Members => _members.Values;

    /// <summary>Takes up members as <see cref="Members"/> left them (a follower's restart).</summary>
    public void Restore(IEnumerable<QueueLogMember> members)
    {
        _members.Clear();
        _wrapUps.Clear();
        foreach (var m in members)
        {
            _members[m.Id] = m;
            if (m.WrapUntil is { } until)
            {
                _wrapUps.Enqueue(m, (until, _order++));
            }
        }
    }

    /// <summary>Ends the wrap-ups still running: the file is read to its end.</summary>
    public void Finish(QueueLogBatch into) => EndWrapUpsBy(DateTimeOffset.MaxValue, into);

    /// <summary>Wrap-ups that end by <paramref name="ts"/>, in time order: before the line at that time, or as a followed log's clock passes it.</summary>
    public void EndWrapUpsBy(DateTimeOffset ts, QueueLogBatch into)
    {
        while (_wrapUps.TryPeek(out var m, out var key) && key.At <= ts)
        {
            _wrapUps.Dequeue();
            if (m.WrapUntil != key.At)
            {
                continue;
            }

            var emit = new Emitter(this, into, m.WrapLine, m.WrapId!, key.At);
            m.WrapUntil = null;
            emit.AfterCall(m);
        }
    }

    private string? Apply(QueueLogLine line, ref Emitter emit)
    {
        switch (line.Event)
        {
            case "ENTERQUEUE":
                if (CallAndQueue(line) is { } enterError)
                {
                    return enterError;
                }

                emit.Event("call.queued", w =>
                {
                    w.WriteString("call", line.CallId);
                    w.WriteString("queue", line.Queue);
                    if (line.DataField(2) is { Length: > 0 } caller)
                    {
                        w.WriteString("caller", caller);
                    }
                });
                return null;

            case "CONNECT":
                return Connect(line, ref emit);

            case "COMPLETECALLER" or "COMPLETEAGENT" or "TRANSFER" or "BLINDTRANSFER" or "ATTENDEDTRANSFER":
                return Complete(line, ref emit);

            case "ABANDON":
                return CallOnly(line, "call.abandoned", null, ref emit);

            case "EXITWITHTIMEOUT":
                return CallOnly(line, "call.overflowed", "timeout", ref emit);

            case "EXITWITHKEY":
                return CallOnly(line, "call.overflowed", "key", ref emit);

            case "EXITEMPTY":
                return CallOnly(line, "call.overflowed", "empty", ref emit);

            case "RINGNOANSWER":
                return RingNoAnswer(line, ref emit);

            case "ADDMEMBER" or "AGENTLOGIN" or "AGENTCALLBACKLOGIN":
                return AddMember(line, ref emit);

            case "REMOVEMEMBER" or "AGENTLOGOFF" or "AGENTCALLBACKLOGOFF":
                return RemoveMember(line, ref emit);

            case "PAUSE" or "PAUSEALL":
                return Pause(line, ref emit);

            case "UNPAUSE" or "UNPAUSEALL":
                return Unpause(line, ref emit);

            default:
                return null;
        }
    }

    private string? Connect(QueueLogLine line, ref Emitter emit)
    {
        var agentError = AgentOf(line, out var agent);
        if ((CallAndQueue(line) ?? agentError) is { } error)
        {
            return error;
        }

        if (!_members.TryGetValue(agent, out var m) || !m.LoggedIn)
        {
            // A static member (queues.conf) logs no ADDMEMBER: it joins the queue, free, as it answers.
            m = LogIn(agent, line.Member, line.Queue);
            emit.Login(m);
            emit.Event("agent.ready", w => w.WriteString("agent", agent));
        }

        CancelWrapUp(m);
        m.Call = line.CallId;
        emit.Event("call.answered", w =>
        {
            w.WriteString("call", line.CallId);
            w.WriteString("agent", agent);
        });
        return null;
    }

    private string? Complete(QueueLogLine line, ref Emitter emit)
    {
        if (CallId(line) is { } error)
        {
            return error;
        }

        emit.Event("call.ended", w => w.WriteString("call", line.CallId));
        if (AgentOf(line, out var agent) is null && _members.TryGetValue(agent, out var m) && m.Call == line.CallId)
        {
            m.Call = null;
            var wrapUp = Math.Max(0, wrapUpSeconds(line.Queue));
            if (wrapUp == 0)
            {
                emit.AfterCall(m);
            }
            else
            {
                m.WrapUntil = line.Ts.AddSeconds(wrapUp);
                m.WrapLine = emit.Line;
                m.WrapId = emit.NextId();
                _wrapUps.Enqueue(m, (m.WrapUntil.Value, _order++));
            }
        }

        return null;
    }

    private static string? CallOnly(QueueLogLine line, string type, string? reason, ref Emitter emit)
    {
        if (CallId(line) is { } error)
        {
            return error;
        }

        emit.Event(type, w =>
        {
            w.WriteString("call", line.CallId);
            if (reason is not null)
            {
                w.WriteString("reason", reason);
            }
        });
        return null;
    }

    private string? RingNoAnswer(QueueLogLine line, ref Emitter emit)
    {
        var agentError = AgentOf(line, out var agent);
        if ((CallId(line) ?? agentError) is { } error)
        {
            return error;
        }

        if (!int.TryParse(line.DataField(1), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return $"field 6 (ring time): '{line.DataField(1)}' is not a number of milliseconds";
        }

        // A short ring, or a member the floor does not hold as free: no state changes, and no miss.
        if (ms < MissedRingMilliseconds || !_members.TryGetValue(agent, out var m) || !m.Free)
        {
            return null;
        }

        emit.Event("call.ringing", w =>
        {
            w.WriteString("call", line.CallId);
            w.WriteString("agent", agent);
        });
        emit.Event("call.ringnoanswer", w =>
        {
            w.WriteString("call", line.CallId);
            w.WriteString("agent", agent);
        });
        return null;
    }

    private string? AddMember(QueueLogLine line, ref Emitter emit)
    {
        if (AgentOf(line, out var agent) is { } error)
        {
            return error;
        }

        var queue = NamedQueue(line);
        if (queue is not null && !Identifiers.IsEntityId(queue))
        {
            return QueueError(line);
        }

        if (!_members.TryGetValue(agent, out var m) || !m.LoggedIn)
        {
            m = LogIn(agent, line.Member, queue);
            emit.Login(m);
            emit.AfterCall(m);
            return null;
        }

        if (queue is not null && !m.Queues.Contains(queue))
        {
            m.Queues.Add(queue);
            emit.Queues(m);
        }

        return null;
    }

    private string? RemoveMember(QueueLogLine line, ref Emitter emit)
    {
        if (LoggedIn(line, out var m) is { } error)
        {
            return error;
        }

        if (m is null)
        {
            return null;
        }

        var queue = NamedQueue(line);
        if (queue is not null && !m.Queues.Remove(queue))
        {
            return null;
        }

        if (queue is null || m.Queues.Count == 0)
        {
            m.Queues.Clear();
            m.LoggedIn = false;
            m.Paused = false;
            m.Call = null;
            CancelWrapUp(m);
            emit.Event("agent.logout", w => w.WriteString("agent", m.Id));
        }
        else
        {
            emit.Queues(m);
        }

        return null;
    }

    private string? Pause(QueueLogLine line, ref Emitter emit)
    {
        if (LoggedIn(line, out var m) is { } error)
        {
            return error;
        }

        if (m is null)
        {
            return null;
        }

        m.Paused = true;
        m.PauseReason = line.DataField(1) is { Length: > 0 } reason ? reason : "paused";
        if (m.Call is null)
        {
            // A pause in wrap-up ends it, as agent.notready does; one on a call waits for the call's end.
            CancelWrapUp(m);
            emit.NotReady(m);
        }

        return null;
    }

    private string? Unpause(QueueLogLine line, ref Emitter emit)
    {
        if (LoggedIn(line, out var m) is { } error)
        {
            return error;
        }

        if (m is not { Paused: true })
        {
            return null;
        }

        m.Paused = false;
        if (m.Call is null && m.WrapUntil is null)
        {
            emit.Event("agent.ready", w => w.WriteString("agent", m.Id));
        }

        return null;
    }

    private QueueLogMember LogIn(string agent, string member, string? queue)
    {
        if (!_members.TryGetValue(agent, out var m))
        {
            m = _members[agent] = new QueueLogMember { Id = agent };
        }

        m.Seat = member;
        m.LoggedIn = true;
        m.Paused = false;
        m.Queues.Clear();
        if (queue is not null)
        {
            m.Queues.Add(queue);
        }

        return m;
    }

    private static void CancelWrapUp(QueueLogMember m) => m.WrapUntil = null;

    /// <summary>The line's member when it is logged in (null when it is not, or not known); the error when the line names no agent.</summary>
    private string? LoggedIn(QueueLogLine line, out QueueLogMember? member)
    {
        member = null;
        if (AgentOf(line, out var agent) is { } error)
        {
            return error;
        }

        if (_members.TryGetValue(agent, out var m) && m.LoggedIn)
        {
            member = m;
        }

        return null;
    }

    private static string? NamedQueue(QueueLogLine line) => line.Queue is "" or "NONE" ? null : line.Queue;

    private static string? CallId(QueueLogLine line) =>
        Identifiers.IsEntityId(line.CallId) ? null : $"field 2 (callid): '{line.CallId}' is not a call id ([A-Za-z0-9_.-], 1 to 64 characters)";

    private static string QueueError(QueueLogLine line) => $"field 3 (queue): '{line.Queue}' is not a queue id ([A-Za-z0-9_.-], 1 to 64 characters)";

    private static string? CallAndQueue(QueueLogLine line) =>
        CallId(line) ?? (Identifiers.IsEntityId(line.Queue) ? null : QueueError(line));

    private static string? AgentOf(QueueLogLine line, out string agent)
    {
        agent = MemberInterface.AgentId(line.Member);
        return Identifiers.IsEntityId(agent) && line.Member != "NONE"
            ? null
            : $"field 4 (agent): '{line.Member}' does not name an agent (its interface without technology and context must be [A-Za-z0-9_.-], 1 to 64 characters)";
    }

    /// <summary>Writes the events of one line, numbering their ids.</summary>
    private ref struct Emitter(QueueLogTranslator owner, QueueLogBatch into, long line, string baseId, DateTimeOffset ts)
    {
        public int Count { get; private set; }

        public readonly long Line => line;

        /// <summary>The id the next event of this line gets.</summary>
        public string NextId()
        {
            Count++;
            return Count == 1 ? baseId : $"{baseId}:{Count.ToString(CultureInfo.InvariantCulture)}";
        }

        public void Event(string type, Action<Utf8JsonWriter> fields)
        {
            var buffer = owner._buffer;
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("id", NextId());
                w.WriteString("ts", ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("center", owner._center);
                w.WriteString("type", type);
                fields(w);
                w.WriteEndObject();
            }

            into.Events.Add((line, buffer.WrittenSpan.ToArray()));
        }

        public void Login(QueueLogMember m) => Event("agent.login", w =>
        {
            w.WriteString("agent", m.Id);
            w.WriteString("seat", m.Seat);
            WriteQueues(w, m);
        });

        public void Queues(QueueLogMember m) => Event("agent.queues", w =>
        {
            w.WriteString("agent", m.Id);
            WriteQueues(w, m);
        });

        public void NotReady(QueueLogMember m) => Event("agent.notready", w =>
        {
            w.WriteString("agent", m.Id);
            w.WriteString("reason", m.PauseReason);
        });

        /// <summary>A member free of a call (or just logged in): available, or not ready while paused.</summary>
        public void AfterCall(QueueLogMember m)
        {
            if (m.Paused)
            {
                NotReady(m);
            }
            else
            {
                Event("agent.ready", w => w.WriteString("agent", m.Id));
            }
        }

        private static void WriteQueues(Utf8JsonWriter w, QueueLogMember m)
        {
            w.WriteStartArray("queues");
            foreach (var q in m.Queues)
            {
                w.WriteStringValue(q);
            }

            w.WriteEndArray();
        }
    }
}
