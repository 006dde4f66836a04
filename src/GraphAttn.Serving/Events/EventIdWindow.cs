using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GraphAttn.Serving.Events;

/// <summary>
/// The ids of the last <see cref="Capacity"/> events applied, so a retried or re-delivered event is recognised and
/// not applied twice. Holds 64-bit hashes (about 28 bytes an id), oldest evicted first: memory is bounded whatever
/// the event rate. Rebuilt at start from the event log, so it survives restarts. Thread-safe.
/// </summary>
public sealed class EventIdWindow
{
    private readonly HashSet<ulong> _ids;
    private readonly ulong[] _ring;
    private int _next;
    private int _count;
    private readonly Lock _gate = new();

    /// <summary>Creates a window of <paramref name="capacity"/> ids.</summary>
    public EventIdWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _ids = new HashSet<ulong>(Math.Min(capacity, 1 << 16));
        _ring = new ulong[capacity];
    }

    /// <summary>Ids remembered at most.</summary>
    public int Capacity { get; }

    /// <summary>Ids remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Forgets every id.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _ids.Clear();
            _count = 0;
            _next = 0;
        }
    }

    /// <summary>Whether <paramref name="eventId"/> is in the window.</summary>
    public bool Contains(string eventId)
    {
        ulong hash = Hash(eventId);
        lock (_gate)
        {
            return _ids.Contains(hash);
        }
    }

    /// <summary>Remembers <paramref name="eventId"/>; false when it was already there.</summary>
    public bool Add(string eventId)
    {
        ulong hash = Hash(eventId);
        lock (_gate)
        {
            if (!_ids.Add(hash))
            {
                return false;
            }

            if (_count == Capacity)
            {
                _ids.Remove(_ring[_next]);
            }
            else
            {
                _count++;
            }

            _ring[_next] = hash;
            _next = (_next + 1) % Capacity;
            return true;
        }
    }

    private static ulong Hash(string eventId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(eventId.AsSpan()));
}
