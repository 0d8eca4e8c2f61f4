using Microsoft.Playwright;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.E2E.Infrastructure;

/// <summary>
/// One running app (the real app on Kestrel, its own SQLite file, demo content, fixed clock) and one headless
/// Chromium for the whole e2e collection. Every test opens its own browser context, so cookies and history
/// never leak from one test into the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; `playwright install` cannot download browsers on the build machines.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Map tiles from a host that does not exist: every map is set up, its tiles fail (see <see cref="OpenAsync"/>).</summary>
    public const string TileUrl = "https://{s}.tiles.startpunt.test/{z}/{x}/{y}.png";

    private readonly StartpuntFactory _factory = new() { Settings = { ["Map:TileUrl"] = TileUrl, ["Map:Attribution"] = "© Testkaart" } };
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app: its services (to make an account for a journey) and its mail pickup folder.</summary>
    public StartpuntFactory App => _factory;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async Task InitializeAsync()
    {
        BaseUrl = _factory.StartKestrel();
        // Web-first assertions retry; give a busy build machine some room before one counts as failed.
        Assertions.SetDefaultExpectTimeout(8_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context with one page on the app. Only the app itself is reachable: every request to another
    /// host (the map tiles) is aborted at once, so no test waits on a network this machine does not have.
    /// Dispose the returned session to close the context.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Fail fast: a step that does not happen within a few seconds will not happen at all.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.PageError += (_, error) => session.ScriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Aborted map tiles log "Failed to load resource"; htmx errors and CSP violations are what count.
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal))
                session.ScriptErrors.Add(message.Text);
        };
        await page.RouteAsync("**/*", route =>
        {
            var host = new Uri(route.Request.Url).Host;
            return host is "127.0.0.1" or "localhost" ? route.ContinueAsync() : route.AbortAsync();
        });
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>A browser context and its page; disposing closes the context.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    /// <summary>Uncaught script exceptions and console errors (htmx:targetError, CSP violations) seen so far.</summary>
    public List<string> ScriptErrors { get; } = [];

    public string ScriptErrorReport => ScriptErrors.Count == 0 ? "none" : string.Join(Environment.NewLine, ScriptErrors);

    /// <summary>Clicks "Zoeken" and waits for /zoeken; says what the browser logged when the search goes nowhere.</summary>
    public async Task SubmitSearchAsync()
    {
        var from = Page.Url;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        try
        {
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/zoeken", new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Clicking 'Zoeken' on {from} did not lead to /zoeken within 5 s (still at {Page.Url}). Browser errors: {ScriptErrorReport}");
        }
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "e2e";
}
