using System.Globalization;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Models;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Report;

/// <summary>
/// Country outlines for the report's map: models/world-map.json, built by tools/worldmap from Natural Earth's
/// 1:110m countries (public domain). Each ring is integers of 1/scale degree, delta-encoded, which maps straight
/// onto SVG's relative line commands in an equirectangular projection.
/// </summary>
internal sealed class WorldMap
{
    /// <summary>The file in the models folder.</summary>
    public const string FileName = "world-map.json";

    private WorldMap(int scale, IReadOnlyList<(string Name, int[][] Rings)> countries)
    {
        Scale = scale;
        Countries = countries;
    }

    /// <summary>Units per degree.</summary>
    public int Scale { get; }

    /// <summary>Countries and their rings.</summary>
    public IReadOnlyList<(string Name, int[][] Rings)> Countries { get; }

    /// <summary>Width and height of the whole world in map units (360 and 180 degrees).</summary>
    public int Width => 360 * Scale;

    /// <inheritdoc cref="Width"/>
    public int Height => 180 * Scale;

    /// <summary>Loads the map from a models folder.</summary>
    /// <exception cref="ModelException">The file is missing or damaged.</exception>
    public static WorldMap Load(string modelsDir)
    {
        var path = Path.Combine(modelsDir, FileName);
        if (!File.Exists(path)) throw new ModelException(Messages.ReportWorldMapMissing(path));
        try
        {
            var root = JObject.Parse(File.ReadAllText(path));
            int scale = (int?)root["scale"] ?? throw new FormatException("no scale");
            var countries = ((JArray?)root["countries"] ?? throw new FormatException("no countries")).OfType<JObject>()
                .Select(c => ((string?)c["name"] ?? "", ((JArray?)c["rings"] ?? []).Select(r => r.Values<int>().ToArray()).ToArray()))
                .ToList();
            return new WorldMap(scale, countries);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or FormatException or InvalidCastException)
        {
            throw new ModelException(Messages.ModelFileBad(path, e.Message));
        }
    }

    /// <summary>Map x of a longitude.</summary>
    public double X(double longitude) => (longitude + 180) * Scale;

    /// <summary>Map y of a latitude (north up).</summary>
    public double Y(double latitude) => (90 - latitude) * Scale;

    /// <summary>The SVG path data of a country.</summary>
    public string PathData(int[][] rings)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var ring in rings)
        {
            if (ring.Length < 2) continue;
            b.Append(inv, $"M{ring[0] + 180 * Scale} {90 * Scale - ring[1]}l");
            for (int i = 2; i + 1 < ring.Length; i += 2)
            {
                if (i > 2) b.Append(' ');
                b.Append(inv, $"{ring[i]} {-ring[i + 1]}");
            }
            b.Append('z');
        }
        return b.ToString();
    }
}
