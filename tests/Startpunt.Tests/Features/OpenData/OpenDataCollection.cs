using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>
/// The open-data test classes share one app with demo content (one seed instead of one per class); they run one
/// after another, and each test derives what it expects from the database as it is.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OpenDataCollection : ICollectionFixture<StartpuntFactory>
{
    public const string Name = "open data";
}
