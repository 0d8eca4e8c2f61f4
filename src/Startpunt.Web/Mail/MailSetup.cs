namespace Startpunt.Web.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddStartpuntMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        return builder;
    }
}
