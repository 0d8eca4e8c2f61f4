namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// The searchable text of one offer as folded words, in two weights: what the offer is (product, level,
/// description, place) and who offers it (provider name). Every word is also in <see cref="Vocabulary"/>.
/// </summary>
public sealed class OfferText(string[] content, string[] provider)
{
    public static readonly OfferText Empty = new([], []);

    /// <summary>Product, level, description, town, location name.</summary>
    public string[] Content { get; } = content;
    public string[] Provider { get; } = provider;

    public static OfferText From(string providerName, IEnumerable<string?> content, Vocabulary vocabulary) => new(
        content.SelectMany(DutchWords.Words).Distinct().Select(vocabulary.Add).ToArray(),
        DutchWords.Words(providerName).Distinct().Select(vocabulary.Add).ToArray());
}

/// <summary>Every word of every indexed offer, once, with its stem: text queries are matched against this, not against each offer.</summary>
public sealed class Vocabulary
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private volatile Entry[] _entries = [];
    private int _count;

    public readonly record struct Entry(string Word, string Stem);

    /// <summary>Adds a word (if new) and returns the shared instance: offers hold the vocabulary's strings, so matching compares references.</summary>
    public string Add(string word)
    {
        lock (_lock)
        {
            if (_ids.TryGetValue(word, out var id)) return _entries[id].Word;
            var entries = _entries;
            if (_count == entries.Length)
            {
                var grown = new Entry[Math.Max(1024, entries.Length * 2)];
                Array.Copy(entries, grown, _count);
                entries = grown;
            }
            entries[_count] = new Entry(word, DutchWords.Stem(word));
            _ids[word] = _count;
            _entries = entries;
            Volatile.Write(ref _count, _count + 1);
            return word;
        }
    }

    /// <summary>The words so far (a stable view: entries are only appended).</summary>
    public ReadOnlySpan<Entry> Entries
    {
        get
        {
            var entries = _entries;
            return entries.AsSpan(0, Math.Min(Volatile.Read(ref _count), entries.Length));
        }
    }
}
