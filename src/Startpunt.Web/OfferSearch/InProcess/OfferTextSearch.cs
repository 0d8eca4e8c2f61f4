using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// Text search that forgives, for the in-process engine. Each typed word (at most <see cref="SearchText.MaxTerms"/>)
/// must be found in the offer, where "found" is, per word of the vocabulary:
/// the start of a word ("zorg" finds "zorgboerderij"), the same Dutch stem ("tuinier" finds "tuinieren"), one typo
/// in words of five letters or more ("goudvnik" finds "goudvink", also as the start of a longer word), or the end
/// of a compound ("boerderij" finds "zorgboerderij"); or a synonym or resident word from content/search-words.yml
/// ("dementia" finds "dementie" and offers for the target group dementie, "rolstoel" finds wheelchair transport).
/// Fields weigh differently: in provider names only the start of a word and a typo count, stems, compounds and
/// synonyms count in what the offer is (product, level, description, place). Text is a filter, as in every
/// engine: the chosen sort decides the order.
/// </summary>
public sealed class OfferTextSearch(InProcessOfferIndex index, ContentStore content, TimeProvider clock)
{
    private const int MinTypoLength = 5;
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _lock = new();
    private SearchWords? _words;
    private DateTimeOffset _checkedAt;
    /// <summary>Resolved words, valid while the vocabulary and the words file are unchanged (people search for the same words a lot).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Vocabulary, SearchWords Words, TermMatch Match)> _resolved = new(StringComparer.Ordinal);

    public TextQuery? Prepare(string? text)
    {
        var typed = SearchText.Terms(text).Select(SearchText.Fold).Distinct().ToArray();
        if (typed.Length == 0) return null;
        var words = Words();
        var terms = new TermMatch[typed.Length];
        for (var i = 0; i < typed.Length; i++)
        {
            var vocabulary = index.Vocabulary.Entries;
            if (_resolved.TryGetValue(typed[i], out var known) && known.Vocabulary == vocabulary.Length && known.Words == words)
            {
                terms[i] = known.Match;
                continue;
            }
            terms[i] = Term(typed[i], words, vocabulary);
            if (_resolved.Count > 2_000) _resolved.Clear(); // a few kB each: a bit per word of the vocabulary
            _resolved[typed[i]] = (vocabulary.Length, words, terms[i]);
        }
        return new TextQuery(terms);
    }

    /// <param name="vocabulary">The words by number (in order, so each set's numbers come sorted).</param>
    private static TermMatch Term(string term, SearchWords words, ReadOnlySpan<Vocabulary.Entry> vocabulary)
    {
        var stem = DutchWords.Stem(term);
        var phrases = words.Synonyms.GetValueOrDefault(term) ?? words.Synonyms.GetValueOrDefault(stem) ?? [];
        var phraseWords = phrases.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        var phraseStems = phraseWords.Select(DutchWords.Stem).ToHashSet(StringComparer.Ordinal);
        var strict = new List<int>();
        var loose = new List<int>();
        var inPhrase = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Length; id++)
        {
            var (w, wordStem) = vocabulary[id];
            if (w.StartsWith(term, StringComparison.Ordinal) || Typo(term, w)) { strict.Add(id); loose.Add(id); }
            else if (wordStem == stem || (term.Length >= MinTypoLength && w.Length > term.Length && w.EndsWith(term, StringComparison.Ordinal))) loose.Add(id);
            if (phraseWords.Count == 0) continue;
            foreach (var p in phraseWords)
            {
                if (w.StartsWith(p, StringComparison.Ordinal) || phraseStems.Contains(wordStem) && DutchWords.Stem(p) == wordStem)
                {
                    if (!inPhrase.TryGetValue(p, out var ids)) inPhrase[p] = ids = [];
                    ids.Add(id);
                }
            }
        }
        var fact = words.Facts.GetValueOrDefault(term) ?? words.Facts.GetValueOrDefault(stem);
        return new TermMatch(new WordSet(strict), new WordSet(loose),
            phrases.Select(p => p.Select(w => new WordSet(inPhrase.GetValueOrDefault(w) ?? [])).ToArray()).ToArray(), fact);
    }

    private static bool Typo(string term, string word)
    {
        if (term.Length < MinTypoLength) return false;
        if (DutchWords.WithinOneEdit(term, word)) return true;
        // A typo in the start of a longer word: "dagbested" for "dagbesteding".
        return word.Length > term.Length + 1 && DutchWords.WithinOneEdit(term, word.AsSpan(0, term.Length))
            || word.Length > term.Length && DutchWords.WithinOneEdit(term, word.AsSpan(0, term.Length + 1))
            || word.Length > term.Length - 1 && DutchWords.WithinOneEdit(term, word.AsSpan(0, term.Length - 1));
    }

    /// <summary>The synonyms and resident words, read again when the file changed (looked at every few seconds).</summary>
    private SearchWords Words()
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_words is not null && now - _checkedAt < CheckEvery) return _words;
            _checkedAt = now;
            var written = content.SearchWordsWritten();
            if (_words is not null && _words.Written == written) return _words;
            var (file, at) = content.SearchWords();
            return _words = SearchWords.From(file, at);
        }
    }

    private sealed record SearchWords(Dictionary<string, string[][]> Synonyms, Dictionary<string, WordFact> Facts, DateTime Written)
    {
        public static SearchWords From(SearchWordsFile file, DateTime written)
        {
            var synonyms = new Dictionary<string, string[][]>(StringComparer.Ordinal);
            foreach (var (word, phrases) in file.Synonyms)
            {
                var key = SearchText.Fold(word.Trim());
                var parsed = phrases.Select(p => DutchWords.Words(p).ToArray()).Where(p => p.Length > 0).ToArray();
                synonyms[key] = synonyms.TryGetValue(key, out var had) ? [.. had, .. parsed] : parsed;
            }
            var facts = new Dictionary<string, WordFact>(StringComparer.Ordinal);
            foreach (var (word, fact) in file.Facts)
            {
                Transport? transport = fact.Transport?.Trim().ToLowerInvariant() switch
                {
                    "offered" => Transport.Yes,
                    "wheelchair" => Transport.WithWheelchair,
                    _ => null,
                };
                facts[SearchText.Fold(word.Trim())] = new WordFact(transport, fact.TargetGroup?.Trim());
            }
            return new SearchWords(synonyms, facts, written);
        }
    }
}

/// <summary>A fact a resident word stands for: transport (<see cref="Transport.Yes"/>: any; WithWheelchair: wheelchair) or a target group.</summary>
public sealed record WordFact(Transport? Transport, string? TargetGroup)
{
    public bool HeldBy(IndexedOffer offer) =>
        (Transport == Domain.Transport.Yes && offer.Transport != Domain.Transport.None)
        || (Transport == Domain.Transport.WithWheelchair && offer.Transport == Domain.Transport.WithWheelchair)
        || (TargetGroup is not null && Array.IndexOf(offer.TargetGroups, TargetGroup) >= 0);
}

/// <summary>One typed word, resolved against the vocabulary: the words it finds in provider names (strict) and elsewhere (loose), its synonym phrases, its fact.</summary>
public sealed record TermMatch(WordSet Strict, WordSet Loose, WordSet[][] Phrases, WordFact? Fact)
{
    public bool Matches(IndexedOffer offer)
    {
        var text = offer.Text;
        if (Loose.ContainsAny(text.Content) || Strict.ContainsAny(text.Provider)) return true;
        foreach (var phrase in Phrases)
        {
            var all = phrase.Length > 0;
            foreach (var word in phrase)
            {
                if (!word.ContainsAny(text.Content)) { all = false; break; }
            }
            if (all) return true;
        }
        return Fact?.HeldBy(offer) ?? false;
    }
}

/// <summary>Words of the <see cref="Vocabulary"/> by number, one bit each: a search tests every word of every offer in reach.</summary>
public sealed class WordSet
{
    private readonly ulong[] _bits;

    public WordSet(List<int> ids)
    {
        _bits = ids.Count == 0 ? [] : new ulong[(ids[^1] >> 6) + 1];
        foreach (var id in ids) _bits[id >> 6] |= 1UL << id;
    }

    public bool ContainsAny(int[] words)
    {
        var bits = _bits;
        if (bits.Length == 0) return false;
        foreach (var w in words)
        {
            var slot = w >> 6;
            if (slot < bits.Length && (bits[slot] & (1UL << w)) != 0) return true;
        }
        return false;
    }
}

/// <summary>The typed words: every one must match.</summary>
public sealed class TextQuery(TermMatch[] terms)
{
    public bool Matches(IndexedOffer offer)
    {
        foreach (var t in terms)
        {
            if (!t.Matches(offer)) return false;
        }
        return true;
    }
}
