using System.Text.RegularExpressions;
using MimeKit;

namespace Startpunt.Tests.Infrastructure;

/// <summary>Reads the .eml files the app wrote instead of sending mail, with MimeKit: the recipients, subject and text.</summary>
public static partial class Mailbox
{
    public static List<MimeMessage> Messages(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f).Select(f => MimeMessage.Load(f)).ToList()
        : [];

    /// <summary>Each mail as text: "To: ...", "Subject: ..." and the decoded plain-text body.</summary>
    public static List<string> Read(string directory) =>
        Messages(directory).Select(m => $"To: {string.Join(", ", m.To.Mailboxes.Select(a => a.Address))}\nSubject: {m.Subject}\n\n{m.TextBody}").ToList();

    public static string LinkIn(string mail, string pathPrefix) => LinkPattern().Matches(mail).Select(m => m.Value).First(l => l.Contains(pathPrefix, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
