using System.Collections;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>The headers of a message in order, one entry per value: a comma-separated list in a header that allows
/// lists (RFC 3261 §7.3.1, <see cref="SipHeaderNames.AllowsList"/>) yields one entry per element. Names compare
/// case-insensitively and compact forms are normalized to full names (<c>i</c> → <c>Call-ID</c>). Values of a parsed
/// message stay as offsets into its bytes until read.</summary>
public sealed class SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private byte[]? _source;
    private HeaderEntry[] _entries;
    private int _count;

    /// <summary>An empty collection, for building a message.</summary>
    public SipHeaderCollection()
    {
        _entries = new HeaderEntry[8];
    }

    internal SipHeaderCollection(byte[] source, HeaderEntry[] entries, int count)
    {
        _source = source;
        _entries = entries;
        _count = count;
    }

    /// <summary>The number of header values.</summary>
    public int Count => _count;

    /// <summary>Incremented on every change, so typed accessors know their cached value is stale.</summary>
    internal int Version { get; private set; }

    /// <summary>The header value at <paramref name="index"/>.</summary>
    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return new SipHeader(_entries[index].Name, ValueAt(index));
        }
    }

    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name)
    {
        var index = IndexOf(Canonical(name), 0);
        return index >= 0 ? ValueAt(index) : null;
    }

    /// <summary>Every value of <paramref name="name"/> in order (list elements split), empty when absent.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var canonical = Canonical(name);
        List<string>? values = null;
        for (var i = IndexOf(canonical, 0); i >= 0; i = IndexOf(canonical, i + 1))
        {
            (values ??= []).Add(ValueAt(i));
        }
        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>How many values of <paramref name="name"/> the message holds; for a header that allows one value only
    /// (Content-Length, From, To, Call-ID, CSeq, Max-Forwards) more than 1 means a malformed message (RFC 4475 §3.3.3, §3.3.4).</summary>
    public int CountOf(string name)
    {
        var canonical = Canonical(name);
        var n = 0;
        for (var i = IndexOf(canonical, 0); i >= 0; i = IndexOf(canonical, i + 1))
        {
            n++;
        }
        return n;
    }

    /// <summary>True when <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => IndexOf(Canonical(name), 0) >= 0;

    /// <summary>Appends a value. The value is kept as given (a list is not split).</summary>
    public void Add(string name, string value) => Insert(_count, name, value);

    /// <summary>Inserts a value at <paramref name="index"/> (0 puts a Via on top).</summary>
    public void Insert(int index, string name, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        ArgumentNullException.ThrowIfNull(value);
        var entry = new HeaderEntry(Canonical(name), 0, 0, Clean(value), raw: false);
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _count * 2));
        }
        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = entry;
        _count++;
        Version++;
    }

    /// <summary>Replaces every value of <paramref name="name"/> by one, at the place of the first (or appended).</summary>
    public void Set(string name, string value)
    {
        var canonical = Canonical(name);
        var first = IndexOf(canonical, 0);
        if (first < 0)
        {
            Add(canonical, value);
            return;
        }
        _entries[first] = new HeaderEntry(canonical, 0, 0, Clean(value), raw: false);
        for (var i = IndexOf(canonical, first + 1); i >= 0; i = IndexOf(canonical, i))
        {
            RemoveAt(i);
        }
        Version++;
    }

    /// <summary>Replaces the value at <paramref name="index"/>, keeping its name and place (e.g. the top Via after
    /// adding received/rport).</summary>
    public void SetValueAt(int index, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        _entries[index] = new HeaderEntry(_entries[index].Name, 0, 0, Clean(value), raw: false);
        Version++;
    }

    /// <summary>Removes every value of <paramref name="name"/>; true when any was removed.</summary>
    public bool Remove(string name)
    {
        var canonical = Canonical(name);
        var removed = false;
        for (var i = IndexOf(canonical, 0); i >= 0; i = IndexOf(canonical, i))
        {
            RemoveAt(i);
            removed = true;
        }
        return removed;
    }

    /// <summary>Removes the value at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        Array.Copy(_entries, index + 1, _entries, index, _count - index - 1);
        _entries[--_count] = default;
        Version++;
    }

    /// <inheritdoc />
    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The raw bytes of the value at <paramref name="index"/> when it is still the one received; false for a
    /// value set or folded (held as a string).</summary>
    internal bool TryGetRaw(int index, out ReadOnlySpan<byte> raw)
    {
        ref readonly var entry = ref _entries[index];
        if (entry.Raw && _source is not null)
        {
            raw = _source.AsSpan(entry.Start, entry.Length);
            return true;
        }
        raw = default;
        return false;
    }

    internal string NameAt(int index) => _entries[index].Name;

    internal string ValueAt(int index)
    {
        ref var entry = ref _entries[index];
        return entry.Value ??= Encoding.UTF8.GetString(_source!, entry.Start, entry.Length);
    }

    /// <summary>The index of the next value named <paramref name="canonical"/> at or after <paramref name="start"/>.</summary>
    internal int IndexOf(string canonical, int start)
    {
        for (var i = start; i < _count; i++)
        {
            var name = _entries[i].Name;
            if (ReferenceEquals(name, canonical) || string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private static string Canonical(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SipHeaderNames.Normalize(name);
    }

    // A header value may not hold a line break: one would inject headers (RFC 3261 §7.3.1 folding aside).
    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
