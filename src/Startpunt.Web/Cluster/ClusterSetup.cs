using Microsoft.AspNetCore.DataProtection;
using Startpunt.Web.Data;

namespace Startpunt.Web.Cluster;

/// <summary>
/// What several web nodes on one PostgreSQL database need to act as one portal, and what one SQLite process keeps
/// beside its file: one data-protection key ring (cookies, antiforgery tokens and invitation links made on one node
/// are read on every other, and survive a redeploy) and the lock that runs each background job on one node at a time.
/// </summary>
public static class ClusterSetup
{
    /// <summary>Fixed, so that every node (and every release) protects and unprotects with the same keys.</summary>
    public const string ApplicationName = "Startpunt";

    public static WebApplicationBuilder AddStartpuntCluster(this WebApplicationBuilder builder)
    {
        var store = DataSetup.ResolveStore(builder);
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        // A folder of its own (DataProtection:KeysDirectory, e.g. a volume all nodes share) keeps the keys apart from the
        // data they protect (authenticator keys): a copy of the database alone then reveals nothing.
        var keysDirectory = builder.Configuration["DataProtection:KeysDirectory"];
        if (!string.IsNullOrWhiteSpace(keysDirectory))
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keysDirectory, DataSetup.FindRepositoryRoot(builder.Environment.ContentRootPath))));
        else if (store.Provider == DatabaseProvider.PostgreSql)
            protection.PersistKeysToDbContext<StartpuntDb>();
        else
            // Beside the database: a backup of the data folder keeps the keys, a redeploy with the volume keeps everyone signed in.
            protection.PersistKeysToFileSystem(new DirectoryInfo(store.KeysDirectory!));

        if (store.Provider == DatabaseProvider.PostgreSql)
            builder.Services.AddSingleton<IJobLock>(new PostgresJobLock(store.ConnectionString));
        else
            builder.Services.AddSingleton<IJobLock, InProcessJobLock>();
        return builder;
    }

    /// <summary>
    /// Part of `migrate`: makes sure the key ring has a key before the nodes start, so that nodes starting together do
    /// not each make a first key of their own.
    /// </summary>
    public static void EnsureKeyRing(this WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Startpunt.KeyRing").Protect("ready");
}
