namespace Startpunt.Web.Features.AccountHistory;

public static class AccountHistorySetup
{
    /// <summary>The account history: the writer (sign-ins are recorded by Account/StartpuntSignInManager), the pages that read it.</summary>
    public static WebApplicationBuilder AddStartpuntAccountHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountEventWriter>();
        builder.Services.AddScoped<AccountEventLog>();
        return builder;
    }
}
