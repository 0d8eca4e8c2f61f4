using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Account;

namespace Startpunt.Tests.Features.Installation;

/// <summary>The app in another environment or with other settings than the tests' default.</summary>
public sealed class ConfiguredFactory(string environment, Dictionary<string, string> settings) : StartpuntFactory
{
    protected override bool SeedDemo => settings.GetValueOrDefault("Database:SeedDemo") == "true";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>Production is not the demo: demo accounts only in a demo installation, and `create-admin` is the way in.</summary>
public sealed class InstallationTests(BareFactory app) : IClassFixture<BareFactory>
{
    /// <summary>Runs the built app as an operator would (`dotnet Startpunt.Web.dll migrate`) and returns its exit code and output.</summary>
    private static async Task<(int Code, string Output)> RunAppAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Startpunt.Web.dll");
        var dir = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"cli-{Guid.NewGuid():N}");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll }.Concat(args).Concat([$"--ConnectionStrings:Startpunt=Data Source={dir}/startpunt.db", $"--DataProtection:KeysDirectory={dir}/keys"]))
            start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        var demoCreated = File.Exists(Path.Combine(dir, "startpunt.db"));
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return (process.ExitCode, await output + await error + (demoCreated ? "[database created]" : ""));
    }

    [Fact]
    public async Task A_production_start_asking_for_demo_accounts_refuses_and_says_why()
    {
        var (code, output) = await RunAppAsync("migrate", "--Database:SeedDemo=true", "--Installation:PublicBaseUrl=https://startpunt.example");
        Assert.Equal(3, code);
        Assert.StartsWith("Refusing to start: Database:SeedDemo=true", output);
        Assert.Contains("create-admin EMAIL", output);
        Assert.DoesNotContain("[database created]", output);
        Assert.DoesNotContain("   at ", output); // a message, not a stack trace

        // The same under the test host: the app does not start at all.
        using var production = new ConfiguredFactory("Production", new()
        {
            ["Database:SeedDemo"] = "true", ["Installation:Demo"] = "false", ["Installation:PublicBaseUrl"] = "https://startpunt.example",
        });
        Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.False(File.Exists(production.DatabasePath));
    }

    [Fact]
    public async Task A_production_start_without_a_public_address_refuses_and_says_why()
    {
        var (code, output) = await RunAppAsync("--Database:SeedDemo=false");
        Assert.Equal(3, code);
        Assert.StartsWith("Refusing to start: set Installation:PublicBaseUrl", output);
    }

    [Fact]
    public async Task A_production_installation_shows_no_demo_anywhere_and_refuses_a_forged_host()
    {
        using var production = new ConfiguredFactory("Production", new()
        {
            ["Database:SeedDemo"] = "false", ["Installation:PublicBaseUrl"] = "https://startpunt.example",
        });
        var client = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://startpunt.example") });
        var signIn = await client.GetDocumentAsync("/account/inloggen");
        Assert.Null(signIn.QuerySelector(".demo-accounts"));
        Assert.Null(signIn.QuerySelector(".demo-banner"));
        Assert.DoesNotContain(DemoAccounts.Password, signIn.DocumentElement.OuterHtml);
        Assert.DoesNotContain("/over-de-demo", signIn.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/over-de-demo")).StatusCode);

        var index = await client.GetStringAsync("/api/hsds");
        Assert.Contains("https://startpunt.example/api/hsds/openapi.json", index);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/hsds");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Outside_a_demo_the_sign_in_page_lists_no_demo_accounts_and_a_leftover_demo_account_cannot_sign_in()
    {
        var doc = await app.Browser().GetDocumentAsync("/account/inloggen");
        Assert.Null(doc.QuerySelector(".demo-accounts"));
        Assert.Null(doc.QuerySelector(".demo-banner"));

        // A database that once had demo content keeps its demo accounts; their published password no longer opens them.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
            var leftover = new StartpuntUser { UserName = "oud@demo.startpunt.example", Email = "oud@demo.startpunt.example", EmailConfirmed = true, IsDemo = true };
            Assert.True((await users.CreateAsync(leftover, DemoAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(leftover, Roles.Administrator);
        }
        var response = await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "oud@demo.startpunt.example", ["Input.Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("klopt niet", Html.Parse(await response.Content.ReadAsStringAsync()).Text("[role=alert]"));
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_link_where_the_first_administrator_chooses_a_password()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, await CreateAdminCommand.RunAsync(app.Services, "eerste@regio.example", output, errors));
        var link = Mailbox.LinkIn(output.ToString(), "/account/nieuw-wachtwoord");
        var path = new Uri(link).PathAndQuery;

        var browser = app.Browser();
        Assert.NotNull((await browser.GetDocumentAsync(path)).QuerySelector("#Input_Password"));
        var weak = await browser.PostFormAsync(path, new() { ["Input.Password"] = "kort1", ["Input.ConfirmPassword"] = "kort1" }, tokenPage: path);
        Assert.Contains("minstens 12 tekens", Html.Parse(await weak.Content.ReadAsStringAsync()).Text("#Input_Password-error"));
        var saved = await browser.PostFormAsync(path, new() { ["Input.Password"] = "een eigen zin 2026", ["Input.ConfirmPassword"] = "een eigen zin 2026" }, tokenPage: path);
        Assert.Contains("opgeslagen", Html.Parse(await saved.Content.ReadAsStringAsync()).Text("[role=status]"));

        var admin = await app.SignedInAsync("eerste@regio.example", "een eigen zin 2026");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/account")).StatusCode);
        // An administrator sets up two-step sign-in before anything else.
        Assert.Equal("/account/beveiliging?verplicht=true", (await admin.GetAsync("/regio")).Headers.Location!.OriginalString);

        // The link works once, and the command does not hand out a second way into an account with a password.
        Assert.Contains("werkt niet meer", (await app.Browser().GetDocumentAsync(path)).Text("[role=alert]"));
        Assert.Equal(1, await CreateAdminCommand.RunAsync(app.Services, "eerste@regio.example", new StringWriter(), errors));
        Assert.Equal(2, await CreateAdminCommand.RunAsync(app.Services, "geen-adres", new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Reset_and_set_up_links_work_for_one_hour()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionTokenProviderOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifespan);
    }
}
