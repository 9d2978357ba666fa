namespace EventExtractor.Text;

/// <summary>A resolved place, as a record needs it.</summary>
/// <param name="Id">Gazetteer id (or -1 for a site from the site list).</param>
/// <param name="Location">ACLED-style location name ("Baghdad", "Baghdad - Mansour").</param>
/// <param name="Iso2">Country code.</param>
/// <param name="Admin1">Province in ACLED spelling.</param>
/// <param name="Admin2">District, if known.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Population">Population, 0 when unknown.</param>
/// <param name="IsRegion">True for a province/state rather than a town.</param>
internal readonly record struct PlaceInfo(int Id, string Location, string Iso2, string Admin1, string Admin2, double Latitude, double Longitude, int Population, bool IsRegion);
