using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Startpunt.Web.Mail;

public sealed class MailOptions
{
    /// <summary>An SMTP server; when empty, mail is written as .eml files into <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "Startpunt <noreply@startpunt.example>";
    /// <summary>Relative to the repository root (or the app's folder).</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>The portal's public address, for links in mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>A plain-text mail; <see cref="To"/> may hold several addresses separated by commas.</summary>
public sealed record MailMessageContent(string To, string Subject, string TextBody);

public interface IMailSender
{
    Task SendAsync(MailMessageContent message, CancellationToken ct);
}

/// <summary>
/// Real mail through SMTP when configured; otherwise the same message as an .eml file in a folder, so that it can be
/// read and tested. Both go through <see cref="SmtpClient"/>, so the .eml is exactly what SMTP would have sent.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, IHostEnvironment env, ILogger<SmtpMailSender> log) : IMailSender
{
    public string PickupDirectory => Path.GetFullPath(options.Value.PickupDirectory, Data.DataSetup.FindRepositoryRoot(env.ContentRootPath));

    public async Task SendAsync(MailMessageContent message, CancellationToken ct)
    {
        var o = options.Value;
        using var mail = new MailMessage
        {
            From = MailAddress(o.From),
            Subject = message.Subject,
            Body = message.TextBody,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            // Readable in the .eml files, and safe for any mail server.
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
        };
        mail.To.Add(message.To); // one address, or several separated by commas
        using var smtp = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(PickupDirectory);
            smtp.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            smtp.PickupDirectoryLocation = PickupDirectory;
        }
        else
        {
            smtp.Host = o.SmtpHost;
            smtp.Port = o.SmtpPort;
            smtp.EnableSsl = o.SmtpSsl;
            if (!string.IsNullOrEmpty(o.SmtpUser)) smtp.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }
        await smtp.SendMailAsync(mail, ct);
        log.LogInformation("Mail '{Subject}' sent to {To}", message.Subject, message.To);
    }

    private static MailAddress MailAddress(string value) => new(value);
}
