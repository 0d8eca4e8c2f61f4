using Startpunt.Web.Cluster;
using Startpunt.Web.Data;
using Startpunt.Web.Features.Account;
using Startpunt.Web.Features.Admin;
using Startpunt.Web.Features.AccountHistory;
using Startpunt.Web.Features.Consultant;
using Startpunt.Web.Features.ContractManager;
using Startpunt.Web.Features.Freshness;
using Startpunt.Web.Features.GettingHelp;
using Startpunt.Web.Features.History;
using Startpunt.Web.Features.Maps;
using Startpunt.Web.Features.OpenData;
using Startpunt.Web.Features.People;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.Features.Search;
using Startpunt.Web.Features.Shortlist;
using Startpunt.Web.Geo;
using Startpunt.Web.Mail;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web;

public static class StartpuntSetup
{
    /// <summary>
    /// The whole portal: every part registers its own services. One list, for the web process and for every other host
    /// of the portal (the benchmark), so none of them runs with a part missing.
    /// </summary>
    public static WebApplicationBuilder AddStartpunt(this WebApplicationBuilder builder)
    {
        builder.AddStartpuntData();
        builder.AddStartpuntGeo();
        builder.AddStartpuntCluster();
        builder.AddStartpuntSearch();
        builder.AddStartpuntMail();
        builder.AddStartpuntAccounts();
        builder.AddStartpuntAccountHistory();
        builder.AddStartpuntResidentSearch();
        builder.AddStartpuntProviderWorkspace();
        builder.AddStartpuntConsultant();
        builder.AddStartpuntContractManager();
        builder.AddStartpuntFreshness();
        builder.AddStartpuntOpenData();
        builder.AddStartpuntHistory();
        builder.AddStartpuntPeople();
        builder.AddStartpuntAdmin();
        builder.AddStartpuntWeb();
        builder.AddStartpuntGettingHelp();
        builder.AddStartpuntShortlist();
        builder.AddStartpuntMap();
        return builder;
    }
}
