using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Startpunt.E2E.Cluster;

/// <summary>Runs the test that kills a node last: the others need both nodes.</summary>
public sealed class KillLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name.Contains("killed", StringComparison.Ordinal)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}

/// <summary>
/// The portal as several nodes behind nginx (scripts/run-cluster.sh): PostgreSQL, Meilisearch, two real web processes,
/// round robin without sticky sessions. Everything through HTTP as a browser sends it, checked in the database.
/// </summary>
[TestCaseOrderer("Startpunt.E2E.Cluster.KillLastOrderer", "Startpunt.E2E")]
public sealed partial class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Signed_in_on_one_node_a_provider_saves_on_the_other_and_through_nginx()
    {
        using var visitor = new Visitor();
        Assert.Equal(HttpStatusCode.Redirect, await visitor.SignInAsync(cluster.Node1Url, Provider));
        var (page, html) = await visitor.PageAsync($"{cluster.Node2Url}/aanbieder");
        var (offer, version) = Visitor.Versions(html).First();

        var status = await visitor.PostAsync($"{page}?handler=Row&offerId={offer}", html, Row(21, version));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(21, await WaitingWeeksAsync(offer));

        // Through nginx, a handful of times: round robin sends them to both nodes, the same cookie holds on each.
        var proxyPage = $"{cluster.ProxyUrl}{page.AbsolutePath}";
        for (var weeks = 22; weeks < 26; weeks++)
        {
            var (_, current) = await visitor.PageAsync(proxyPage);
            Assert.Equal(HttpStatusCode.Redirect, await visitor.PostAsync($"{proxyPage}?handler=Row&offerId={offer}", current, Row(weeks, Visitor.Versions(current)[offer])));
        }
        Assert.Equal(25, await WaitingWeeksAsync(offer));
    }

    [Fact]
    public async Task A_waiting_time_saved_through_one_node_is_found_in_search_through_the_other()
    {
        using var visitor = new Visitor();
        Assert.Equal(HttpStatusCode.Redirect, await visitor.SignInAsync(cluster.Node1Url, OtherProvider));
        var (page, html) = await visitor.PageAsync($"{cluster.Node1Url}/aanbieder");
        var versions = Visitor.Versions(html);
        // An offer at a location (found by its postcode), waiting long now; after the save it can start at once.
        await using var db = new NpgsqlConnection(cluster.Postgres);
        await db.OpenAsync();
        await using var find = new NpgsqlCommand("""
            SELECT o."Id", l."Postcode", p."Name" FROM "Offers" o JOIN "Locations" l ON l."Id" = o."LocationId" JOIN "Providers" p ON p."Id" = o."ProviderId"
            WHERE o."Id" = ANY(@ids) AND NOT o."Paused" AND o."RemovedAt" IS NULL ORDER BY o."Id" LIMIT 1
            """, db);
        find.Parameters.AddWithValue("ids", versions.Keys.ToArray());
        int offer; string postcode; string provider;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "the demo provider has an offer at a location");
            (offer, postcode, provider) = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
        }
        var search = $"{cluster.Node2Url}/zoeken?postcode={Uri.EscapeDataString(postcode)}&afstand=5&binnen=0&q={Uri.EscapeDataString(provider)}";
        Assert.Equal(HttpStatusCode.Redirect, await visitor.PostAsync($"{page}?handler=Row&offerId={offer}", html, Row(30, versions[offer])));
        Assert.DoesNotContain($"/aanbod/{offer}\"", (await visitor.PageAsync(search)).Html, StringComparison.Ordinal);

        var (_, again) = await visitor.PageAsync($"{cluster.Node1Url}{page.AbsolutePath}");
        Assert.Equal(HttpStatusCode.Redirect, await visitor.PostAsync($"{page}?handler=Row&offerId={offer}", again, Row(0, Visitor.Versions(again)[offer])));
        var saved = Stopwatch.StartNew();
        // The other node's index follows the change feed every 200 ms (Search:InProcess:PollInterval); Meilisearch, in
        // front, gets the change from the node that drains the outbox. Both within a few seconds.
        while (!(await visitor.PageAsync(search)).Html.Contains($"/aanbod/{offer}\"", StringComparison.Ordinal))
        {
            Assert.True(saved.Elapsed < TimeSpan.FromSeconds(5), $"offer {offer} not found with 'kan direct starten' on the other node 5 s after the save: {search}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_reminder_job_on_both_nodes_sends_one_mail_per_organisation()
    {
        // Both nodes run the job every two seconds; give each several turns.
        var waited = DateTime.UtcNow - cluster.StartedAt;
        if (waited < TimeSpan.FromSeconds(8)) await Task.Delay(TimeSpan.FromSeconds(8) - waited);
        await using var db = new NpgsqlConnection(cluster.Postgres);
        await db.OpenAsync();
        await using var reminders = new NpgsqlCommand("""SELECT "ProviderId", COUNT(*) FROM "Reminders" GROUP BY "ProviderId" """, db);
        var perProvider = new Dictionary<int, long>();
        await using (var reader = await reminders.ExecuteReaderAsync())
            while (await reader.ReadAsync()) perProvider[reader.GetInt32(0)] = reader.GetInt64(1);
        Assert.NotEmpty(perProvider);
        Assert.All(perProvider.Values, count => Assert.Equal(1, count));

        var mails = Directory.GetFiles(cluster.MailDirectory, "*.eml").Select(File.ReadAllText).ToList();
        var recipients = mails.Select(m => ToHeader().Match(m).Groups[1].Value.Trim()).ToList();
        Assert.Equal(perProvider.Count, mails.Count);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
    }

    [Fact]
    public async Task The_outbox_is_drained_into_meilisearch_once()
    {
        using var visitor = new Visitor();
        Assert.Equal(HttpStatusCode.Redirect, await visitor.SignInAsync(cluster.ProxyUrl, Provider));
        var (page, html) = await visitor.PageAsync($"{cluster.ProxyUrl}/aanbieder");
        await DrainedAsync();
        var since = DateTime.UtcNow;
        var offers = Visitor.Versions(html).Take(6).ToList();
        foreach (var (offer, version) in offers)
            Assert.Equal(HttpStatusCode.Redirect, await visitor.PostAsync($"{cluster.ProxyUrl}{page.AbsolutePath}?handler=Row&offerId={offer}", html, Row(17, version)));
        await DrainedAsync();

        // Every change went to Meilisearch in exactly one document update: the nodes did not both send it.
        using var meili = new HttpClient();
        meili.DefaultRequestHeaders.Authorization = new("Bearer", cluster.MeilisearchKey);
        var tasks = System.Text.Json.JsonDocument.Parse(await meili.GetStringAsync(
            $"{cluster.MeilisearchUrl}/tasks?types=documentAdditionOrUpdate&statuses=succeeded&afterEnqueuedAt={since:yyyy-MM-ddTHH:mm:ss.fffZ}&limit=1000"));
        var results = tasks.RootElement.GetProperty("results").EnumerateArray().ToList();
        var received = results.Sum(t => t.GetProperty("details").GetProperty("receivedDocuments").GetInt32());
        Assert.True(offers.Count == received, $"{offers.Count} changes, {received} documents sent: {string.Join("; ", results.Select(t => t.ToString()))}");
    }

    [Fact]
    public async Task A_node_killed_during_a_stream_of_saves_loses_no_acknowledged_save()
    {
        using var visitor = new Visitor();
        Assert.Equal(HttpStatusCode.Redirect, await visitor.SignInAsync(cluster.ProxyUrl, Provider));
        var (page, first) = await visitor.PageAsync($"{cluster.ProxyUrl}/aanbieder");
        var offer = Visitor.Versions(first).Keys.Last();
        var url = $"{cluster.ProxyUrl}{page.AbsolutePath}";
        var acknowledged = new List<int>();
        var refused = 0;
        var killed = false;
        for (var weeks = 1; acknowledged.Count < 24 && weeks < 80; weeks++)
        {
            if (acknowledged.Count == 8 && !killed)
            {
                // SIGKILL: no graceful shutdown, requests in flight on that node are cut off.
                using var kill = Process.Start("kill", ["-KILL", cluster.Node2Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync();
                killed = true;
            }
            string html;
            try { (_, html) = await visitor.PageAsync(url); }
            catch (Exception e) when (e is HttpRequestException or Xunit.Sdk.TrueException) { refused++; continue; }
            var status = await visitor.PostAsync($"{url}?handler=Row&offerId={offer}", html, Row(weeks, Visitor.Versions(html)[offer]));
            if (status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther) acknowledged.Add(weeks);
            else refused++;
        }
        Assert.Equal(24, acknowledged.Count);
        Assert.True(killed, "node 2 was killed in the middle of the stream");
        using (var check = Process.Start("kill", ["-0", cluster.Node2Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await check.WaitForExitAsync();
            Assert.NotEqual(0, check.ExitCode);
        }

        // Every acknowledged save is in the history (and the offer holds the last one).
        await using var db = new NpgsqlConnection(cluster.Postgres);
        await db.OpenAsync();
        await using var history = new NpgsqlCommand("""SELECT "Changes" FROM "AuditEntries" WHERE "EntityType" = 'Offer' AND "EntityId" = @id""", db);
        history.Parameters.AddWithValue("id", offer);
        var changes = new List<string>();
        await using (var reader = await history.ExecuteReaderAsync())
            while (await reader.ReadAsync()) changes.Add(reader.GetString(0));
        foreach (var weeks in acknowledged)
            Assert.True(changes.Any(c => c.Contains($"\"New\":\"{weeks}\"", StringComparison.Ordinal)), $"the acknowledged save of {weeks} weeks is not in the history");
        Assert.Equal(acknowledged[^1], await WaitingWeeksAsync(offer));
    }

    private static string Provider => Startpunt.Web.Data.Content.DemoAccounts.All[0].Email;
    private static string OtherProvider => Startpunt.Web.Data.Content.DemoAccounts.All[1].Email;

    private static Dictionary<string, string> Row(int weeks, long version) => new()
    {
        ["WaitingWeeks"] = weeks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["IntakeOpen"] = "true", ["FreePlaces"] = "",
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<int> WaitingWeeksAsync(int offer)
    {
        await using var db = new NpgsqlConnection(cluster.Postgres);
        await db.OpenAsync();
        await using var read = new NpgsqlCommand("""SELECT "WaitingWeeks" FROM "Offers" WHERE "Id" = @id""", db);
        read.Parameters.AddWithValue("id", offer);
        return Convert.ToInt32(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until every outbox row is processed (the draining node marks them after Meilisearch applied them).</summary>
    private async Task DrainedAsync()
    {
        await using var db = new NpgsqlConnection(cluster.Postgres);
        await db.OpenAsync();
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            await using var open = new NpgsqlCommand("""SELECT COUNT(*) FROM "SearchOutbox" WHERE "ProcessedAt" IS NULL""", db);
            if ((long)(await open.ExecuteScalarAsync())! == 0) return;
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "the search outbox was not drained within 30 s");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^To: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();
}
