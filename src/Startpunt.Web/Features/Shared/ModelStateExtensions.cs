using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Startpunt.Web.Features.Shared;

public static class ModelStateExtensions
{
    /// <summary>The first message for a field, for the error next to it; null when the field is fine.</summary>
    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>aria-describedby for an input: its hint (when it has one) and its error (when there is one).</summary>
    public static string? DescribedBy(this ModelStateDictionary state, string key, string id, bool hint = false)
    {
        var ids = new List<string>(2);
        if (hint) ids.Add($"{id}-hint");
        if (state.ErrorFor(key) is not null) ids.Add($"{id}-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The id ASP.NET gives the input of a model key ("Input.Email" -> "Input_Email").</summary>
    public static string FieldId(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
