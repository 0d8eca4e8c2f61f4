using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// The one error model: a message per field name in ModelState. Pages and handlers add errors with
/// ModelState.AddModelError(fieldName, message); &lt;form-field name="..."&gt; shows them next to the field and
/// _ValidationSummary lists them at the top, each linking to its field.
/// </summary>
public static class ModelStateExtensions
{
    /// <summary>The first message for a field, for the error next to it; null when the field is fine.</summary>
    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Whether any of these fields has a message (to open a folded part of a form that holds one).</summary>
    public static bool HasErrorIn(this ModelStateDictionary state, params string[] keys) => keys.Any(k => state.ErrorFor(k) is not null);

    /// <summary>The id ASP.NET gives the input of a model key ("Input.Email" -> "Input_Email").</summary>
    public static string FieldId(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}

/// <summary>
/// What _ValidationSummary shows above the messages, and how its links find the inputs when their ids are not the
/// ones derived from the field names (a form repeated per row).
/// </summary>
public sealed record ErrorSummary(string? Heading = null, Func<string, string>? IdOf = null)
{
    public string Id(string key) => IdOf?.Invoke(key) ?? ModelStateExtensions.FieldId(key);
}
