using System.Globalization;
using Concord.Shared;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

public static class OrganisationText
{
    // Vietnam and Laos by the names the interface gives them; other countries by their English
    // name until the interface lists them; no country: an international body.
    public static string Country(string? code, IStringLocalizer t)
    {
        if (string.IsNullOrEmpty(code)) return t["Organisations.International"];
        var named = t[$"Common.Country.{code}"];
        if (!named.ResourceNotFound) return named;
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    // How a record is labelled on a successor's or a ministry's page: "MOLISA", or the name when there is no abbreviation.
    public static string Short(LocalizedText name, string? abbreviation) =>
        !string.IsNullOrWhiteSpace(abbreviation) ? abbreviation : Display.Plain(name);
}
