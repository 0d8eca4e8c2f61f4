using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Startpunt.Web.Mail;

public sealed class MailOptions
{
    /// <summary>An SMTP server; when empty, mail is written as .eml files into <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>true: TLS (STARTTLS on 587, implicit TLS on 465) is required; false: only for a relay on localhost.</summary>
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "Startpunt <noreply@startpunt.example>";
    /// <summary>Relative to the repository root (or the app's folder).</summary>
    public string PickupDirectory { get; set; } = "data/mail";
}

/// <summary>A plain-text mail; <see cref="To"/> may hold several addresses separated by commas.</summary>
public sealed record MailMessageContent(string To, string Subject, string TextBody);

public interface IMailSender
{
    Task SendAsync(MailMessageContent message, CancellationToken ct);
}

/// <summary>
/// Real mail through SMTP (MailKit) when configured; otherwise the same MIME message as an .eml file in a folder, so
/// that it can be read and tested.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, IHostEnvironment env, ILogger<SmtpMailSender> log) : IMailSender
{
    public string PickupDirectory => Path.GetFullPath(options.Value.PickupDirectory, Data.DataSetup.FindRepositoryRoot(env.ContentRootPath));

    public async Task SendAsync(MailMessageContent message, CancellationToken ct)
    {
        var o = options.Value;
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        mail.To.AddRange(InternetAddressList.Parse(message.To));
        mail.Subject = message.Subject;
        var body = new TextPart("plain") { Text = message.TextBody };
        // Readable in the .eml files, and safe for any mail server.
        body.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        mail.Body = body;

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(PickupDirectory);
            var path = Path.Combine(PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mail.WriteToAsync(path, ct);
        }
        else
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
            await smtp.SendAsync(mail, ct);
            await smtp.DisconnectAsync(quit: true, ct);
        }
        log.LogInformation("Mail '{Subject}' sent to {To}", message.Subject, message.To);
    }
}
