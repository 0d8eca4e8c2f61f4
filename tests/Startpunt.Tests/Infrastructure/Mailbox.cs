using System.Text;
using System.Text.RegularExpressions;

namespace Startpunt.Tests.Infrastructure;

/// <summary>Reads the .eml files the app wrote instead of sending mail, with their quoted-printable text decoded.</summary>
public static partial class Mailbox
{
    public static List<string> Read(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f).Select(f => Decode(File.ReadAllText(f))).ToList()
        : [];

    public static string Decode(string eml)
    {
        var unwrapped = eml.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        var builder = new StringBuilder();
        for (var i = 0; i < unwrapped.Length; i++)
        {
            if (unwrapped[i] == '=' && i + 2 < unwrapped.Length && Uri.IsHexDigit(unwrapped[i + 1]) && Uri.IsHexDigit(unwrapped[i + 2]))
            {
                bytes.Add(Convert.ToByte(unwrapped.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            if (bytes.Count > 0) { builder.Append(Encoding.UTF8.GetString([.. bytes])); bytes.Clear(); }
            builder.Append(unwrapped[i]);
        }
        if (bytes.Count > 0) builder.Append(Encoding.UTF8.GetString([.. bytes]));
        return builder.ToString();
    }

    public static string LinkIn(string mail, string pathPrefix) => LinkPattern().Matches(mail).Select(m => m.Value).First(l => l.Contains(pathPrefix, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
