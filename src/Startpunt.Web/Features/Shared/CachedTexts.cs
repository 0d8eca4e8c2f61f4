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
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (_texts.TryGetValue(key, out var text)) return text;
                text = inner[name];
                if (_texts.Count < MaxTexts) _texts.TryAdd(key, text);
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
