namespace Startpunt.Web.Geo;

/// <summary>Great-circle distance on WGS84 coordinates (haversine on a sphere of the mean Earth radius).</summary>
public static class Distance
{
    public const double EarthRadiusKm = 6371.0088;

    public static double Km(double lat1, double lon1, double lat2, double lon2) =>
        Km(lat1, lon1, CosLatitude(lat1), lat2, lon2, CosLatitude(lat2));

    /// <summary>
    /// The same distance with the cosines of both latitudes given (<see cref="CosLatitude"/>), for a search that
    /// measures one point against many places: bit for bit the result of the four-argument form.
    /// </summary>
    public static double Km(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var (sinLat, sinLon) = (Math.Sin(dLat / 2), Math.Sin(dLon / 2));
        var a = sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double CosLatitude(double latitude) => Math.Cos(ToRadians(latitude));

    /// <summary>Up to this distance, and between <see cref="RoughLatitudes"/>, <see cref="RoughKm"/> is close to <see cref="Km"/>.</summary>
    public const double RoughUpToKm = 200;

    public const double RoughLatitudes = 60;

    /// <summary>The most <see cref="RoughKm"/> differs from <see cref="Km"/>, relative, within its range.</summary>
    public const double RoughError = 0.005;

    /// <summary>
    /// The flat-earth (equirectangular) distance, with both cosines given: no trigonometry, for a search that only
    /// needs to know which places are clearly inside a radius or clearly behind a distance. Within
    /// <see cref="RoughUpToKm"/> and <see cref="RoughLatitudes"/> it is within <see cref="RoughError"/> of <see cref="Km"/>.
    /// </summary>
    public static double RoughKm(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        const double kmPerDegree = EarthRadiusKm * Math.PI / 180;
        var dy = (lat2 - lat1) * kmPerDegree;
        var dx = (lon2 - lon1) * kmPerDegree * (cosLat1 + cosLat2) / 2;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>A box that contains every point within <paramref name="radiusKm"/>; used as a cheap prefilter.</summary>
    public static BoundingBox Box(double latitude, double longitude, double radiusKm)
    {
        var dLat = radiusKm / EarthRadiusKm * (180 / Math.PI);
        var dLon = dLat / Math.Max(0.01, Math.Cos(ToRadians(latitude)));
        return new BoundingBox(latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

public readonly record struct BoundingBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude);
