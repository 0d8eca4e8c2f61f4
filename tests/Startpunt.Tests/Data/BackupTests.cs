using System.Net;
using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.Moving;

namespace Startpunt.Tests.Data;

/// <summary>`backup` of a running SQLite installation, and the portal started again on that copy.</summary>
public sealed class BackupTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private static string NewFile() => Path.Combine(Path.GetTempPath(), "startpunt-tests", $"backup-{Guid.NewGuid():N}", "startpunt.db");

    [Fact]
    public async Task A_backup_taken_while_the_portal_saves_restores_with_every_offer_and_history_entry()
    {
        await using var db = app.CreateDb();
        var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        var history = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Action, a.Changes }).ToListAsync();

        // A provider keeps saving waiting times (each save also writes history) while the back-up runs.
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var streaming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saving = Task.Run(async () =>
        {
            var weeks = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var writer = app.CreateDb();
                var offer = await writer.Offers.OrderBy(o => o.Id).FirstAsync();
                offer.Availability.WaitingWeeks = ++weeks % 20;
                await writer.SaveChangesAsync();
                if (Interlocked.Increment(ref saves) == 3) streaming.TrySetResult();
            }
        });
        var file = NewFile();
        var output = new StringWriter();
        var errors = new StringWriter();
        // Wait for the first saves, so the copy is taken in the middle of the stream.
        await Task.WhenAny(streaming.Task, saving);
        var code = await BackupCommand.RunAsync(app.Services, file, output, errors);
        await stop.CancelAsync();
        await saving;
        Assert.True(code == 0, errors.ToString());
        Assert.Contains($"{offers.Count} offers", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file + "-wal"));

        using var restored = new StartpuntFactory { DatabasePath = file };
        await using var copy = restored.CreateDb();
        Assert.Equal(offers, await copy.Offers.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        var copiedHistory = await copy.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Action, a.Changes }).ToListAsync();
        Assert.Equal(history, copiedHistory.Take(history.Count));
        // The copy is one moment of the stream: the saves before it, with their history, and nothing torn.
        Assert.InRange(copiedHistory.Count, history.Count + 2, history.Count + saves);

        // The restored portal shows the offers as the running one does (every 25th: a page takes a moment to render).
        var running = app.CreateClient();
        var client = restored.CreateClient();
        var shown = 0;
        foreach (var id in offers.Where((_, i) => i % 25 == 0))
        {
            var expected = await running.GetAsync($"/aanbod/{id}");
            var actual = await client.GetAsync($"/aanbod/{id}");
            Assert.Equal(expected.StatusCode, actual.StatusCode);
            if (actual.StatusCode == HttpStatusCode.OK) shown++;
        }
        Assert.True(shown > offers.Count / 50);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        var file = NewFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "iets anders");
        var errors = new StringWriter();
        Assert.Equal(1, await BackupCommand.RunAsync(app.Services, file, new StringWriter(), errors));
        Assert.Contains("exists already", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("iets anders", await File.ReadAllTextAsync(file));
        Assert.Equal(2, await BackupCommand.RunAsync(app.Services, null, new StringWriter(), new StringWriter()));
    }
}
