using System.Globalization;

namespace Startpunt.Web.Domain;

/// <summary>Names that content gives in Dutch and, where known, in English: the reader's language when there is one.</summary>
public static class LocalizedName
{
    public static string Pick(string dutch, string? english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(english) ? english : dutch;

    public static string DisplayName(this TargetGroup group) => Pick(group.Name, group.NameEn);

    public static string DisplayName(this Language language) => Pick(language.Name, language.NameEn);
}
