using System.ComponentModel.DataAnnotations;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>What the offer form posts. Checked on the server against the organisation's contracts and locations.</summary>
public sealed class OfferInput
{
    [Required(ErrorMessage = "Kies een product.")]
    public int? ProductId { get; set; }
    public int? LevelId { get; set; }
    public int? LocationId { get; set; }
    public List<string> ServiceArea { get; set; } = [];
    public List<string> TargetGroups { get; set; } = [];
    public List<string> Languages { get; set; } = ["nl"];
    public List<Weekdays> Days { get; set; } = [];

    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? DayParts { get; set; }

    public Transport Transport { get; set; }

    [StringLength(Offer.DescriptionMaxLength, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Vul de wachttijd in weken in.")]
    [Range(0, Availability.MaxWaitingWeeks, ErrorMessage = "Vul een aantal weken in van 0 tot en met {2}.")]
    public int? WaitingWeeks { get; set; } = 0;

    public bool IntakeOpen { get; set; } = true;

    [Range(0, 9999, ErrorMessage = "Vul een aantal vrije plaatsen in van 0 tot en met 9999, of laat het leeg.")]
    public int? FreePlaces { get; set; }

    public int Version { get; set; }

    public static OfferInput From(Offer o) => new()
    {
        ProductId = o.ProductId,
        LevelId = o.ProductLevelId,
        LocationId = o.LocationId,
        ServiceArea = o.ServiceArea.Select(m => m.MunicipalityCode).ToList(),
        TargetGroups = o.TargetGroups.Select(t => t.TargetGroupCode).ToList(),
        Languages = o.Languages.Select(l => l.LanguageCode).ToList(),
        Days = Enum.GetValues<Weekdays>().Where(d => d != Weekdays.None && o.Days.HasFlag(d)).ToList(),
        DayParts = o.DayParts,
        Transport = o.Transport,
        Description = o.Description,
        WaitingWeeks = o.Availability.WaitingWeeks,
        IntakeOpen = o.Availability.IntakeOpen,
        FreePlaces = o.Availability.FreePlaces,
        Version = o.Version,
    };
}
