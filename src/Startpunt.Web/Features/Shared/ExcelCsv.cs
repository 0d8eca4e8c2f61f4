using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// CSV as Dutch Excel opens it: UTF-8 with a byte order mark, separated by semicolons, Dutch number format, and safe
/// against formulas (a cell starting with =, +, -, @ or a tab gets a leading apostrophe, so it cannot run).
/// </summary>
public static class ExcelCsv
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    public static CsvConfiguration Configuration => new(Culture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape };

    /// <summary>Writes the rows with <paramref name="write"/> and returns them as a download.</summary>
    public static async Task<FileContentResult> FileAsync(string fileName, Func<CsvWriter, Task> write)
    {
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Configuration))
            await write(csv);
        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>One row of cells; numbers in Dutch notation, null as an empty cell.</summary>
    public static async Task RowAsync(this CsvWriter csv, params object?[] cells)
    {
        foreach (var cell in cells)
            csv.WriteField(cell switch { double d => d.ToString("0.#", Culture), null => "", _ => cell });
        await csv.NextRecordAsync();
    }
}
