using Startpunt.Web.Geo;

namespace Startpunt.Tests.Geo;

public sealed class DistanceTests
{
    [Fact]
    public void One_degree_of_longitude_on_the_equator_is_about_111_km() =>
        Assert.Equal(111.2, Distance.Km(0, 0, 0, 1), precision: 1);

    [Fact]
    public void Hoorn_to_Enkhuizen_is_about_16_km()
    {
        // PC4 points of shared/data/pc4.csv: 1621 Hoorn and 1601 Enkhuizen.
        var km = Distance.Km(52.6405, 5.0596, 52.7025, 5.2843);
        Assert.InRange(km, 16.5, 16.7);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_to_itself()
    {
        Assert.Equal(Distance.Km(52.0, 4.7, 52.6, 5.1), Distance.Km(52.6, 5.1, 52.0, 4.7), precision: 9);
        Assert.Equal(0, Distance.Km(52.0, 4.7, 52.0, 4.7));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(25)]
    [InlineData(50)]
    public void The_prefilter_box_holds_every_point_within_the_radius(double radiusKm)
    {
        var (lat, lon) = (52.64, 5.06);
        var box = Distance.Box(lat, lon, radiusKm);
        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            // The point just inside the radius in this direction (great-circle destination formula).
            var d = radiusKm * 0.999 / Distance.EarthRadiusKm;
            var (b, φ1, λ1) = (bearing * Math.PI / 180, lat * Math.PI / 180, lon * Math.PI / 180);
            var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(d) + Math.Cos(φ1) * Math.Sin(d) * Math.Cos(b));
            var λ2 = λ1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(φ1), Math.Cos(d) - Math.Sin(φ1) * Math.Sin(φ2));
            var (pLat, pLon) = (φ2 * 180 / Math.PI, λ2 * 180 / Math.PI);
            Assert.True(Distance.Km(lat, lon, pLat, pLon) <= radiusKm);
            Assert.InRange(pLat, box.MinLatitude, box.MaxLatitude);
            Assert.InRange(pLon, box.MinLongitude, box.MaxLongitude);
        }
    }

    [Fact]
    public void The_rough_distance_is_within_its_error_of_the_great_circle_one_up_to_200_km()
    {
        var random = new Random(11);
        var worst = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var (lat1, lon1) = (random.NextDouble() * 2 * Distance.RoughLatitudes - Distance.RoughLatitudes, random.NextDouble() * 360 - 180);
            // Any direction, any distance up to the limit (a degree of latitude is 111 km).
            var (lat2, lon2) = (lat1 + (random.NextDouble() * 2 - 1) * 1.8, lon1 + (random.NextDouble() * 2 - 1) * 3.6);
            var km = Distance.Km(lat1, lon1, lat2, lon2);
            if (km > Distance.RoughUpToKm || km < 0.001 || Math.Abs(lat2) > Distance.RoughLatitudes) continue;
            var rough = Distance.RoughKm(lat1, lon1, Distance.CosLatitude(lat1), lat2, lon2, Distance.CosLatitude(lat2));
            worst = Math.Max(worst, Math.Abs(rough - km) / km);
        }
        Assert.InRange(worst, 0, Distance.RoughError);
    }
}
