using Microsoft.AspNetCore.Identity;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.AccountHistory;

public static class AccountHistorySetup
{
    /// <summary>The account history: sign-ins recorded by Identity's sign-in manager, the pages that read it.</summary>
    public static WebApplicationBuilder AddStartpuntAccountHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountEventWriter>();
        builder.Services.AddScoped<AccountEventLog>();
        builder.Services.AddScoped<RecordingSignInManager>();
        // The last registration wins: every page that asks for Identity's sign-in manager gets the recording one.
        builder.Services.AddScoped<SignInManager<StartpuntUser>>(s => s.GetRequiredService<RecordingSignInManager>());
        return builder;
    }
}
