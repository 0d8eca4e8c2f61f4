using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data.Moving;

/// <summary>
/// `copy-database "Host=...;Database=...;Username=..."`, run with the SQLite installation's own configuration: copies
/// every table of that installation into an empty PostgreSQL database (which it brings to the PostgreSQL migrations
/// first), row for row with the same ids, history as it is, and resets the id sequences after. One snapshot of the
/// SQLite file is read (the portal may go on running, but what it saves after the start is not copied) and the
/// target is written in one transaction: a failure leaves it empty. The data-protection keys of the installation's
/// key folder go into the target's key table, so sign-ins, links and authenticator keys stay valid after the move.
/// Exit codes: 0 copied, 2 wrong use, 3 the source is not up to date, 4 the target is not empty.
/// </summary>
public static class CopyDatabaseCommand
{
    private const int BatchRows = 500;

    public static async Task<int> RunAsync(IServiceProvider services, string? target, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<StartpuntDb>() is not SqliteStartpuntDb source)
        {
            await errors.WriteLineAsync("copy-database copies a SQLite installation: run it with that installation's configuration (Database:Provider Sqlite) and give the PostgreSQL connection string as its argument.");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(target) || target.StartsWith('-'))
        {
            await errors.WriteLineAsync("Usage: copy-database \"Host=...;Database=...;Username=...\" (the empty PostgreSQL database to copy this SQLite installation into).");
            return 2;
        }
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await errors.WriteLineAsync("The SQLite database has migrations still to apply: run `migrate` with this installation first, then copy.");
            return 3;
        }

        var options = new DbContextOptionsBuilder<PostgreSqlStartpuntDb>();
        PostgreSqlStartpuntDb.Configure(options, target);
        await using var destination = new PostgreSqlStartpuntDb(options.Options);
        await destination.Database.MigrateAsync(ct);
        var tables = InDependencyOrder(destination.Model.GetRelationalModel().Tables);
        await using var writing = new NpgsqlConnection(target);
        await writing.OpenAsync(ct);
        foreach (var table in tables)
        {
            await using var any = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM "{table.Name}")""", writing);
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
            {
                await errors.WriteLineAsync($"The PostgreSQL database is not empty (table {table.Name} has rows). copy-database only copies into an empty database, so nothing was changed. Create a new database (CREATE DATABASE ...) and run copy-database again.");
                return 4;
            }
        }

        var sourceTables = source.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        await using var reading = new SqliteConnection(source.Database.GetConnectionString());
        await reading.OpenAsync(ct);
        // One read transaction is one snapshot of the file (WAL): a consistent copy while the portal goes on saving.
        await using var snapshot = reading.BeginTransaction(deferred: true);
        await using var transaction = await writing.BeginTransactionAsync(ct);
        var total = 0L;
        foreach (var table in tables)
        {
            var copied = await CopyTableAsync(sourceTables[table.Name], table, reading, snapshot, writing, transaction, ct);
            total += copied;
            await output.WriteLineAsync($"{table.Name}: {copied} rows");
        }
        if (await CopyKeysAsync(services, writing, transaction, ct) is var keys and > 0)
            await output.WriteLineAsync($"DataProtectionKeys: {keys} keys from the installation's key folder");
        foreach (var table in tables) await ResetSequencesAsync(table, writing, transaction, ct);
        await transaction.CommitAsync(ct);
        await destination.OptimizeAsync(ct);
        await output.WriteLineAsync($"Copied {total} rows in {tables.Count} tables. Now start the portal with Database__Provider=PostgreSQL and this connection string.");
        return 0;
    }

    /// <summary>Principal tables before the tables that refer to them.</summary>
    private static List<ITable> InDependencyOrder(IEnumerable<ITable> tables)
    {
        var ordered = new List<ITable>();
        var visiting = new HashSet<ITable>();
        void Visit(ITable table)
        {
            if (ordered.Contains(table) || !visiting.Add(table)) return;
            foreach (var key in table.ForeignKeyConstraints.Where(k => k.PrincipalTable != table)) Visit(key.PrincipalTable);
            ordered.Add(table);
        }
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(table);
        return ordered;
    }

    private static async Task<long> CopyTableAsync(
        ITable from, ITable to, SqliteConnection reading, SqliteTransaction snapshot, NpgsqlConnection writing, NpgsqlTransaction transaction, CancellationToken ct)
    {
        // The PostGIS points are computed by PostgreSQL from latitude and longitude; everything else is copied.
        var columns = to.Columns.Where(c => c.ComputedColumnSql is null).ToList();
        var fromColumns = columns.Select(c => from.FindColumn(c.Name)
            ?? throw new InvalidOperationException($"The SQLite table {from.Name} has no column {c.Name}.")).ToList();
        var readers = fromColumns.Select(c => ValueReader(c.PropertyMappings.First().TypeMapping)).ToList();
        var writers = columns.Select(c => c.PropertyMappings.First().TypeMapping).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));

        await using var select = reading.CreateCommand();
        select.Transaction = snapshot;
        // In key order, so that a row referring to another row of the same table comes after it.
        var key = from.PrimaryKey?.Columns.Select(c => $"\"{c.Name}\"") ?? [];
        select.CommandText = $"SELECT {string.Join(", ", fromColumns.Select(c => $"\"{c.Name}\""))} FROM \"{from.Name}\"" +
                             (key.Any() ? $" ORDER BY {string.Join(", ", key)}" : "");
        await using var rows = await select.ExecuteReaderAsync(ct);
        var batch = new List<object?[]>(BatchRows);
        var count = 0L;
        while (await rows.ReadAsync(ct))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = rows.IsDBNull(i) ? null : readers[i](rows, i);
            batch.Add(values);
            if (batch.Count == BatchRows) count += await InsertAsync(batch);
        }
        count += await InsertAsync(batch);
        return count;

        async Task<int> InsertAsync(List<object?[]> values)
        {
            if (values.Count == 0) return 0;
            await using var insert = writing.CreateCommand();
            insert.Transaction = transaction;
            var tuples = new List<string>(values.Count);
            for (var r = 0; r < values.Count; r++)
            {
                var placeholders = new string[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"p{r}_{c}";
                    insert.Parameters.Add(writers[c].CreateParameter(insert, name, values[r][c], columns[c].IsNullable));
                    placeholders[c] = "@" + name;
                }
                tuples.Add($"({string.Join(", ", placeholders)})");
            }
            // OVERRIDING SYSTEM VALUE: the ids are the installation's own, also in a column generated ALWAYS.
            insert.CommandText = $"INSERT INTO \"{to.Name}\" ({names}) OVERRIDING SYSTEM VALUE VALUES {string.Join(", ", tuples)}";
            var inserted = await insert.ExecuteNonQueryAsync(ct);
            values.Clear();
            return inserted;
        }
    }

    /// <summary>Reads a SQLite value as the provider type EF stores it as, and turns it into the model's value.</summary>
    private static Func<DbDataReader, int, object?> ValueReader(RelationalTypeMapping mapping)
    {
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var read = typeof(CopyDatabaseCommand).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object?>>();
        return mapping.Converter is { } converter ? (r, i) => converter.ConvertFromProvider(read(r, i)) : read;
    }

    private static object? Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);

    /// <summary>After explicit ids, the next id a sequence hands out is one above the highest copied.</summary>
    private static async Task ResetSequencesAsync(ITable table, NpgsqlConnection writing, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var column in (table.PrimaryKey?.Columns ?? []).Where(c => c.StoreType is "integer" or "bigint" or "smallint"))
        {
            await using var reset = writing.CreateCommand();
            reset.Transaction = transaction;
            reset.CommandText = $"""
                SELECT setval(s, COALESCE((SELECT MAX("{column.Name}") FROM "{table.Name}"), 0) + 1, false)
                FROM pg_get_serial_sequence(@table, @column) AS s WHERE s IS NOT NULL
                """;
            reset.Parameters.AddWithValue("table", $"\"{table.Name}\"");
            reset.Parameters.AddWithValue("column", column.Name);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// A SQLite installation keeps its data-protection keys in a folder; PostgreSQL nodes keep them in the database
    /// (unless DataProtection:KeysDirectory says otherwise). Copied, they keep protecting what they protected.
    /// </summary>
    private static async Task<int> CopyKeysAsync(IServiceProvider services, NpgsqlConnection writing, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using (var any = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM "DataProtectionKeys")""", writing, transaction))
        {
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return 0;
        }
        var repository = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        var keys = repository?.GetAllElements() ?? [];
        foreach (var key in keys)
        {
            await using var insert = new NpgsqlCommand("""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES (@name, @xml)""", writing, transaction);
            insert.Parameters.AddWithValue("name", $"key-{key.Attribute("id")?.Value}");
            insert.Parameters.AddWithValue("xml", key.ToString(SaveOptions.DisableFormatting));
            await insert.ExecuteNonQueryAsync(ct);
        }
        return keys.Count;
    }
}
