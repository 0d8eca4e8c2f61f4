using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Startpunt.Web.Features.Shared;

/// <summary>CSV that Dutch Excel opens as it is: UTF-8 with a byte order mark, semicolons, safe against formulas.</summary>
public static class ExcelCsv
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task<byte[]> WriteAsync(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        var config = new CsvConfiguration(Culture)
        {
            Delimiter = ";",
            // A cell starting with =, +, -, @ or a tab could run as a formula in Excel: it gets a leading apostrophe.
            InjectionOptions = InjectionOptions.Escape,
        };
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, config))
        {
            foreach (var header in headers) csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field);
                await csv.NextRecordAsync();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The stoplight's colour as a word, for a cell.</summary>
    public static string StoplightName(Domain.StoplightColour colour, Microsoft.Extensions.Localization.IStringLocalizer L) => colour switch
    {
        Domain.StoplightColour.Green => L["Groen"],
        Domain.StoplightColour.Orange => L["Oranje"],
        Domain.StoplightColour.Red => L["Rood"],
        _ => L["Onbekend"],
    };
}
