using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data.Content;

namespace Startpunt.Tests.Data;

/// <summary>The five seed regions' catalogues in content/ load, validate, and say what their seeds say.</summary>
public sealed class CatalogueContentTests
{
    private static readonly IReadOnlyList<RegionFile> Regions = RepositoryPaths.ContentStore().Regions();

    private static RegionFile Region(string slug) => Regions.Single(r => r.Slug == slug);

    private static IEnumerable<ProductFile> Products(string slug) => Region(slug).Lots.SelectMany(l => l.Products);

    [Fact]
    public void All_five_seed_regions_load_and_validate()
    {
        Assert.Equal(["meierij", "midden-holland", "steenwijkerland", "westfriesland", "zaanstreek-waterland"], Regions.Select(r => r.Slug).Order());
        foreach (var region in Regions) ContentImport.Validate(region);
    }

    [Fact]
    public void Every_region_name_matches_the_municipality_list()
    {
        var names = RepositoryPaths.Csv("regions.csv").Select(c => c[0]).ToHashSet();
        Assert.All(Regions, r => Assert.Contains(r.Name, names));
    }

    [Fact]
    public void Every_unit_and_category_is_an_iwmo_code()
    {
        var units = RepositoryPaths.Csv("iwmo-eenheid.csv").Select(c => c[0]).ToHashSet();
        var categories = RepositoryPaths.Csv("iwmo-productcategorie.csv").Select(c => c[0]).ToHashSet();
        foreach (var product in Regions.SelectMany(r => r.Lots).SelectMany(l => l.Products))
        {
            Assert.Contains(product.Unit, units);
            Assert.Contains(product.Category, categories);
        }
    }

    [Fact]
    public void Westfriesland_has_its_four_lots_and_dagbesteding_A_and_B_per_dagdeel()
    {
        var region = Region("westfriesland");
        Assert.Equal(4, region.Lots.Count);
        var dagbesteding = Products("westfriesland").Where(p => p.Kind == "dagbesteding").ToList();
        Assert.Equal(2, dagbesteding.Count);
        Assert.All(dagbesteding, p => Assert.Equal("16", p.Unit));
        Assert.Contains(Products("westfriesland"), p => p.Kind == "vervoer");
    }

    [Fact]
    public void Steenwijkerland_uses_its_own_product_codes()
    {
        var codes = Products("steenwijkerland").Select(p => p.ProductCode).Where(c => c is not null).ToHashSet();
        Assert.Superset(new HashSet<string?> { "02A01", "04A01", "04A06" }, codes);
    }

    [Fact]
    public void Meierij_levels_are_waakvlam_basis_extra_for_individual_support()
    {
        var levels = Products("meierij").First(p => p.Kind == "begeleiding").Levels.Select(l => l.Name).ToList();
        Assert.Equal(["Waakvlam", "Basis", "Extra"], levels);
    }

    [Fact]
    public void Zaanstreek_Waterland_has_recreational_and_development_day_activities_and_respite_care()
    {
        var products = Products("zaanstreek-waterland").ToList();
        Assert.Contains(products, p => p.Name.Contains("Recreatieve", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(products, p => p.Name.Contains("Ontwikkelingsgerichte", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(products, p => p.Kind == "logeren" && p.Name.Contains("Respijtzorg", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Target_groups_hold_the_three_sectors_of_seed_004()
    {
        var groups = RepositoryPaths.ContentStore().TargetGroups();
        Assert.Equal(["vvt", "ggz", "gz"], groups.Sectors.Select(s => s.Code));
        Assert.Contains(groups.Sectors.Single(s => s.Code == "gz").Groups, g => g.Code == "lvb");
        Assert.Contains(groups.CrossCutting, g => g.Code == "mantelzorgers");
    }

    [Fact]
    public void A_region_file_with_an_impossible_threshold_is_refused_with_its_name()
    {
        var bad = new RegionFile { Slug = "test", Name = "Test", Stoplight = new StoplightFile { GreenMaxWeeks = 8, OrangeMaxWeeks = 4 } };
        var e = Assert.Throws<InvalidDataException>(() => ContentImport.Validate(bad));
        Assert.Contains("content/regions/test/region.yml", e.Message);
    }
}
