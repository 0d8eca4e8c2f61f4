namespace Startpunt.Web.Data.Content;

/// <summary>
/// Counts the content imports of this process (open data and content/regions, <see cref="DatabaseInitializer"/>), so
/// whatever caches content (the search's choices) knows when to read it again.
/// </summary>
public sealed class ContentVersion
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Changed() => Interlocked.Increment(ref _value);
}
