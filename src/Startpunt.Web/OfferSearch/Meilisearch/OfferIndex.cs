namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>How the offers index is set up: what can be searched, filtered and sorted, and in which order rules apply.</summary>
public static class OfferIndex
{
    public static readonly IndexSettings Settings = new()
    {
        // The same text FTS5 indexes in SQLite (Offer.SearchText), field by field.
        SearchableAttributes = ["providerName", "productName", "levelName", "description", "town", "locationName"],
        // Everything the search pages filter on. The stoplight is filtered through its facts (intake, weeks,
        // confirmed-at against the query's "fresh since"), never through a stored colour that would go stale.
        FilterableAttributes =
        [
            "regionId", "municipalities", "contractedMunicipalities", "productId", "levelId", "kind", "providerId",
            "targetGroups", "languages", "transport", "atLocation", "intakeOpen", "waitingWeeks", "confirmedAt", "_geo",
        ],
        SortableAttributes = ["_geo", "locationRank", "intakeRank", "waitingWeeks", "nameKey", "productKey", "providerOrder", "id"],
        // Text is a filter here, as in SQLite: the chosen sort decides the order, relevance does not.
        RankingRules = ["sort", "words", "typo", "proximity", "attribute", "exactness"],
        TypoTolerance = new TypoToleranceSettings(true, new MinWordSizeForTypos(5, 9)),
        // Totals must be exact (page and hitsPerPage count exhaustively up to this).
        Pagination = new PaginationSettings(200_000),
    };

    /// <summary>The attributes a result list needs; the rest stays on the server.</summary>
    public static readonly string[] Retrieve =
    [
        "id", "providerId", "providerName", "productId", "productName", "levelName", "kind", "_geo", "town", "freePlaces",
        "intakeOpen", "waitingWeeks", "confirmedAtText", "transport", "languages", "locationId", "locationName", "street", "postcode",
    ];
}
