using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Moving;

/// <summary>
/// `backup FILE`: a consistent copy of the SQLite database, also while the portal runs and saves. SQLite's
/// `VACUUM INTO` writes one snapshot of the database, WAL included, compacted (copying the file itself can miss what is
/// still in the WAL, or catch it half-written); the copy is written beside the target first and checked, then moved into place. On PostgreSQL the back-up is
/// pg_dump's job (README, "Back-ups and moving"). Exit codes: 0 written, 1 the file exists, 2 wrong use.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? file, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<StartpuntDb>() is not SqliteStartpuntDb source)
        {
            await errors.WriteLineAsync("backup copies a SQLite database. On PostgreSQL use pg_dump -Fc (README, \"Back-ups and moving\").");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(file) || file.StartsWith('-'))
        {
            await errors.WriteLineAsync("Usage: backup FILE (where to write the copy, e.g. /backup/startpunt-2026-11-29.db).");
            return 2;
        }
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            await errors.WriteLineAsync($"{path} exists already; it was not changed. Choose a new file name for each back-up.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        File.Delete(partial);

        await using (var from = new SqliteConnection(source.Database.GetConnectionString()))
        {
            await from.OpenAsync(ct);
            // One read transaction, so one snapshot (WAL included); in WAL mode the portal's writers go on meanwhile.
            // (The backup API's step does not wait for a busy database; a command does, up to its timeout.)
            await using var vacuum = from.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file;";
            vacuum.Parameters.AddWithValue("$file", partial);
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await to.OpenAsync(ct);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(ct) is not "ok")
            {
                await errors.WriteLineAsync("The copy did not pass SQLite's integrity check; nothing was written.");
                File.Delete(partial);
                return 1;
            }
            // A back-up is one file: no WAL beside it.
            check.CommandText = "PRAGMA journal_mode=DELETE;";
            await check.ExecuteNonQueryAsync(ct);
        }
        File.Move(partial, path);

        var options = new DbContextOptionsBuilder<SqliteStartpuntDb>();
        SqliteStartpuntDb.Configure(options, new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using (var copy = new SqliteStartpuntDb(options.Options))
        {
            await output.WriteLineAsync($"Back-up written to {path}: {await copy.Offers.CountAsync(ct)} offers, {await copy.AuditEntries.CountAsync(ct)} history entries.");
        }
        await output.WriteLineAsync("Back up the data-protection key folder too ('keys' beside the database, or DataProtection:KeysDirectory), apart from the database copies: without it people sign in again and set up two-step sign-in again.");
        return 0;
    }
}
