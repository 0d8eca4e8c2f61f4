using System.Globalization;

namespace Startpunt.Web.Domain;

/// <summary>Names that content gives in Dutch and, where known, in English: the reader's language when there is one.</summary>
public static class LocalizedName
{
    /// <summary>Whether the reader reads English (the language switch); otherwise Dutch.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English text for an English reader when there is one; the Dutch text otherwise.</summary>
    public static string Pick(string dutch, string? english) => IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : dutch;

    public static string DisplayName(this TargetGroup group) => Pick(group.Name, group.NameEn);

    public static string DisplayName(this Language language) => Pick(language.Name, language.NameEn);
}
