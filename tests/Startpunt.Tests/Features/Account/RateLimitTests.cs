using System.Net;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Account;

public sealed class StrictSignInFactory : StartpuntFactory
{
    protected override bool SeedDemo => false;
    protected override int SignInPerMinute => 3;
}

public sealed class RateLimitTests(StrictSignInFactory app) : IClassFixture<StrictSignInFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_clear_429()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "iemand@example.org", ["Input.Password"] = "wachtwoord-123" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var blocked = await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = "iemand@example.org", ["Input.Password"] = "x" });
        Assert.Contains("te veel verzoeken", await blocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/inloggen")).StatusCode);
    }
}
