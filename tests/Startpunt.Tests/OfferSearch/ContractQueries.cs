using Startpunt.Web.OfferSearch;

namespace Startpunt.Tests.OfferSearch;

/// <summary>The queries of the search contract, by name. Small pages (7) so that paging crosses the confirmed / "onbekend" boundary.</summary>
public static class ContractQueries
{
    public sealed record Catalogue(IReadOnlyList<int> Dagbesteding, IReadOnlyList<int> Begeleiding, IReadOnlyList<int> Huishouden, IReadOnlyList<string> Ggz);

    private static OfferSearchQuery At((double Lat, double Lon, string Municipality) place, double km, string region = ContractData.Region) => new()
    {
        RegionId = region, Latitude = place.Lat, Longitude = place.Lon, MunicipalityCode = place.Municipality, RadiusKm = km, PageSize = 7,
    };

    private static OfferSearchQuery Hoorn(double km) => At(ContractData.Hoorn, km);

    public static readonly IReadOnlyList<(string Name, Func<Catalogue, OfferSearchQuery> Build)> All =
    [
        ("Hoorn, 10 km, nearest first", _ => Hoorn(10)),
        ("Hoorn, 5 km", _ => Hoorn(5)),
        ("Hoorn, 25 km, 20 per page", _ => Hoorn(25) with { PageSize = 20 }),
        ("Hoorn, 50 km", _ => Hoorn(50)),
        ("Enkhuizen, 25 km", _ => At(ContractData.Enkhuizen, 25)),
        ("a point without municipality: only offers at a location", _ => Hoorn(25) with { MunicipalityCode = null }),
        ("dagbesteding, 25 km", c => Hoorn(25) with { ProductIds = c.Dagbesteding }),
        ("begeleiding at home, 10 km", c => Hoorn(10) with { ProductIds = c.Begeleiding }),
        ("huishouden, by waiting time", c => Hoorn(10) with { ProductIds = c.Huishouden, Sort = SearchSort.WaitingTime }),
        ("sector GGZ with its subgroups", c => Hoorn(50) with { TargetGroups = c.Ggz }),
        ("dementie and dagbesteding", c => Hoorn(50) with { TargetGroups = ["dementie"], ProductIds = c.Dagbesteding }),
        ("language Turkish", _ => Hoorn(50) with { Language = "tr" }),
        ("transport offered", _ => Hoorn(50) with { Transport = TransportFilter.Offered }),
        ("wheelchair transport", _ => Hoorn(50) with { Transport = TransportFilter.Wheelchair }),
        ("can start now (0 weeks)", _ => Hoorn(50) with { StartWithinWeeks = 0 }),
        ("can start within 4 weeks, by waiting time", _ => Hoorn(25) with { StartWithinWeeks = 4, Sort = SearchSort.WaitingTime }),
        ("text 'zorgboerderij'", _ => Hoorn(50) with { Text = "zorgboerderij" }),
        ("text 'creche' finds 'crèche'", _ => Hoorn(50) with { Text = "Creche" }),
        ("text 'zorg' as the start of words", _ => Hoorn(50) with { Text = "zorg" }),
        ("text 'kookgroep hoorn': both words", _ => Hoorn(50) with { Text = "kookgroep, Hoorn!" }),
        ("text 'tuinieren' with dagbesteding within 25 km", c => Hoorn(25) with { Text = "tuinieren", ProductIds = c.Dagbesteding }),
        ("text without a match", _ => Hoorn(50) with { Text = "onvindbaarwoord" }),
        ("by waiting time, 50 km", _ => Hoorn(50) with { Sort = SearchSort.WaitingTime }),
        ("by name, 50 km", _ => Hoorn(50) with { Sort = SearchSort.Name }),
        ("by name, begeleiding", c => Hoorn(25) with { Sort = SearchSort.Name, ProductIds = c.Begeleiding }),
        ("contracted for Hoorn", _ => Hoorn(50) with { ContractedFor = "GM0405" }),
        ("contracted for Drechterland, begeleiding", c => Hoorn(50) with { ContractedFor = "GM0498", ProductIds = c.Begeleiding }),
        ("contracted for Hoorn, within 6 weeks, by waiting time", _ => Hoorn(50) with { ContractedFor = "GM0405", StartWithinWeeks = 6, Sort = SearchSort.WaitingTime }),
        ("intake open only, 25 km", _ => Hoorn(25) with { IntakeOpenOnly = true }),
        ("intake open and contracted for Hoorn, by waiting time", _ => Hoorn(50) with { IntakeOpenOnly = true, ContractedFor = "GM0405", Sort = SearchSort.WaitingTime }),
        ("Midden-Holland from Gouda", _ => At(ContractData.Gouda, 50, "midden-holland")),
        ("Midden-Holland by name", _ => At(ContractData.Gouda, 50, "midden-holland") with { Sort = SearchSort.Name }),
        ("everything at once", c => Hoorn(50) with
        {
            ProductIds = c.Dagbesteding, TargetGroups = c.Ggz.Append("ouderen").ToList(), Text = "wij", StartWithinWeeks = 20,
            Transport = TransportFilter.Offered, ContractedFor = "GM0405", Sort = SearchSort.WaitingTime, IntakeOpenOnly = true,
        }),
    ];

    public static TheoryData<string> Names => new(All.Select(q => q.Name));

    public static OfferSearchQuery Get(string name, Catalogue catalogue) => All.Single(q => q.Name == name).Build(catalogue);
}
