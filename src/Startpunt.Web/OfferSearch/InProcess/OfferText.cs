namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// The searchable text of one offer as folded words, in two weights: what the offer is (product, level,
/// description, place) and who offers it (provider name). Words are held by their number in <see cref="Vocabulary"/>:
/// a search tests a number against the set of words a typed word finds, a bit each.
/// </summary>
public sealed class OfferText(int[] content, int[] provider)
{
    public static readonly OfferText Empty = new([], []);

    /// <summary>Product, level, description, town, location name.</summary>
    public int[] Content { get; } = content;
    public int[] Provider { get; } = provider;

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

    /// <summary>Adds a word (if new) and returns its number: numbers are given in order and never change.</summary>
    public int Add(string word)
    {
        lock (_lock)
        {
            if (_ids.TryGetValue(word, out var id)) return id;
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
            return _count - 1;
        }
    }

    /// <summary>The word with number <paramref name="id"/>.</summary>
    public string Word(int id) => Entries[id].Word;

    /// <summary>The words so far, by number (a stable view: entries are only appended).</summary>
    public ReadOnlySpan<Entry> Entries
    {
        get
        {
            var entries = _entries;
            return entries.AsSpan(0, Math.Min(Volatile.Read(ref _count), entries.Length));
        }
    }
}
