using System.Collections;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>The <c>;name=value</c> parameters of a URI, Via or name-addr, in the order sent; names compare
/// case-insensitively (RFC 3261 §19.1.4, §7.3.1). A value is null for a parameter without <c>=</c>.</summary>
public sealed class SipParameterCollection : IReadOnlyList<KeyValuePair<string, string?>>
{
    private readonly List<KeyValuePair<string, string?>> _items = [];

    /// <summary>The number of parameters.</summary>
    public int Count => _items.Count;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public KeyValuePair<string, string?> this[int index] => _items[index];

    /// <summary>The value of the first parameter named <paramref name="name"/>; null when absent or without value.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>True when a parameter named <paramref name="name"/> is present, with or without a value.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Finds the first parameter named <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    /// <summary>Sets a parameter, replacing the first of that name in place or appending it.</summary>
    public void Set(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var index = IndexOf(name);
        if (index >= 0)
        {
            _items[index] = new(_items[index].Key, value);
        }
        else
        {
            _items.Add(new(name, value));
        }
    }

    /// <summary>Removes every parameter named <paramref name="name"/>; true when one was removed.</summary>
    public bool Remove(string name) =>
        _items.RemoveAll(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) > 0;

    /// <summary>The parameters as written: <c>;name=value;flag</c>, empty when there are none.</summary>
    public override string ToString()
    {
        if (_items.Count == 0)
        {
            return string.Empty;
        }
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AppendTo(StringBuilder builder)
    {
        foreach (var (name, value) in _items)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }
    }

    internal void Add(string name, string? value) => _items.Add(new(name, value));

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
