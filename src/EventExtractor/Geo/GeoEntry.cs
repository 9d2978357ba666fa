namespace EventExtractor.Geo;

/// <summary>
/// One gazetteer entry: a populated place from GeoNames, or an admin1 region (province, state, governorate)
/// placed at its capital. Strings are cut from the gazetteer's string table when the entry is read.
/// </summary>
/// <param name="Id">Index of the entry in the gazetteer (what lookups return).</param>
/// <param name="GeonameId">GeoNames id; 0 for admin1 regions, which GeoNames' admin tables give no id here.</param>
/// <param name="Name">The name as ACLED would write the location: GeoNames' ASCII name ("Baghdad", "Erbil").</param>
/// <param name="NativeName">GeoNames' main name, with diacritics ("Al Qa'im", "Şa‘dah").</param>
/// <param name="CountryIso2">ISO 3166 alpha-2 country code ("IQ").</param>
/// <param name="Admin1">Province / state in ACLED spelling ("Ninewa"); empty when unknown.</param>
/// <param name="Admin2">District as ACLED writes admin2: GeoNames' name in plain Latin letters, less a generic prefix or suffix ("Qaḑā’ Sāmarrā’" -> "Samarra"); empty when unknown.</param>
/// <param name="Latitude">WGS84 latitude, 4 decimals.</param>
/// <param name="Longitude">WGS84 longitude, 4 decimals.</param>
/// <param name="Population">GeoNames population (0 when unknown; for regions the sum over their places).</param>
/// <param name="FeatureCode">GeoNames feature code: PPLC capital, PPLA/PPLA2.. admin seats, PPL, PPLX section of a city, ADM1 region.</param>
/// <param name="ParentId">For a city section (PPLX): the city it belongs to, else -1.</param>
/// <param name="IsAdmin1Region">True for an admin1 region entry.</param>
internal sealed record GeoEntry(
    int Id,
    int GeonameId,
    string Name,
    string NativeName,
    string CountryIso2,
    string Admin1,
    string Admin2,
    double Latitude,
    double Longitude,
    int Population,
    string FeatureCode,
    int ParentId,
    bool IsAdmin1Region)
{
    /// <summary>GeoNames' admin1 code within the country ("15" for Nineveh), for joins with other tables.</summary>
    public string Admin1Code { get; init; } = "";

    /// <summary>GeoNames' admin1 name, before ACLED spelling ("Nineveh").</summary>
    public string Admin1GeoNames { get; init; } = "";

    /// <summary>Latin-script alternate names kept by the build ("Arbil", "Irbil", "Hawler").</summary>
    public IReadOnlyList<string> AlternateNames { get; init; } = [];
}

/// <summary>How a name matched an entry; lower is a stronger match.</summary>
internal enum GeoMatchKind : byte
{
    /// <summary>The entry's own name or ASCII name (or, for a region, its ACLED spelling).</summary>
    Name = 0,

    /// <summary>One of the entry's alternate names.</summary>
    Alternate = 1,

    /// <summary>A name or alternate with its leading article ("al", "el" ...) dropped.</summary>
    WithoutArticle = 2,

    /// <summary>The same transliteration skeleton (<see cref="GeoNormalizer.Skeleton"/>): "Tikreet" for "Tikrit".</summary>
    Skeleton = 3,
}

/// <summary>One posting of the name index: an entry and how the key matched it.</summary>
internal readonly record struct GeoPosting(int Id, GeoMatchKind Kind);
