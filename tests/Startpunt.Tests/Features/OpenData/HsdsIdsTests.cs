using Startpunt.Web.Features.OpenData;

namespace Startpunt.Tests.Features.OpenData;

/// <summary>Derived ids are name-based UUIDs (version 5): the same name gives the same id, on every machine, for good.</summary>
public sealed class HsdsIdsTests
{
    [Fact]
    public void A_derived_id_is_the_rfc_9562_version_5_uuid_of_its_name()
    {
        // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), HsdsIds.Of(dns, "www.example.com"));
    }

    [Fact]
    public void Taxonomy_term_ids_never_change()
    {
        // Published ids: consumers store them. If this fails, the namespace or the naming changed; do not "fix" the test.
        Assert.Equal(new Guid("66ea0c5a-b542-5f28-ad90-f99c002c4b60"), HsdsCatalogue.RegionTermId("meierij"));
        Assert.Equal(HsdsCatalogue.TermId(HsdsCatalogue.TargetGroups, "autisme"), HsdsCatalogue.TermId(HsdsCatalogue.TargetGroups, "autisme"));
        Assert.NotEqual(HsdsCatalogue.TermId(HsdsCatalogue.TargetGroups, "autisme"), HsdsCatalogue.TermId(HsdsCatalogue.Features, "autisme"));
    }
}
