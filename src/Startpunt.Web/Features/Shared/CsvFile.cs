using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Startpunt.Web.Features.Shared;

/// <summary>CSV for Excel as the portal writes it: UTF-8 with a byte order mark, separated by semicolons, safe against formulas.</summary>
public static class CsvFile
{
    public static CsvConfiguration Configuration() => new(CultureInfo.GetCultureInfo("nl-NL"))
    {
        Delimiter = ";",
        // A cell starting with =, +, -, @ or a tab could run as a formula in Excel: it gets a leading apostrophe.
        InjectionOptions = InjectionOptions.Escape,
    };

    public static async Task<byte[]> WriteAsync(Func<CsvWriter, Task> write)
    {
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Configuration()))
            await write(csv);
        return buffer.ToArray();
    }
}
