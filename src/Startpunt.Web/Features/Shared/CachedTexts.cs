using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// The UI texts (Resources/*.resx) remembered per culture once read. The resource localizer builds a cache key string
/// and walks the culture fallback on every lookup; a results page asks for its texts some two hundred times.
/// Texts with arguments are formatted per call, as before; only the looked-up text is remembered.
/// </summary>
public sealed class CachedTextsFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type, string?, string?), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), k => new CachedTexts(resources.Create(k.Item1)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((typeof(object), baseName, location), k => new CachedTexts(resources.Create(k.Item2!, k.Item3!)));

    private sealed class CachedTexts(IStringLocalizer inner) : IStringLocalizer
    {
        // Keys are the texts in the code; a key built from input (a product code looked up as a text) could grow it without end.
        private const int MaxTexts = 20_000;
        // Per culture, then by text: string keys alone hash fast (a tuple's would hash both strings the slow way).
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LocalizedString>> _cultures = new(StringComparer.Ordinal);

        public LocalizedString this[string name]
        {
            get
            {
                var culture = CultureInfo.CurrentUICulture.Name;
                if (!_cultures.TryGetValue(culture, out var texts)) texts = _cultures.GetOrAdd(culture, _ => new(StringComparer.Ordinal));
                if (texts.TryGetValue(name, out var text)) return text;
                text = inner[name];
                if (texts.Count < MaxTexts) texts.TryAdd(name, text);
                return text;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
