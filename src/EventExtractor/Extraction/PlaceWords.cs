using EventExtractor.Text;
using EventExtractor.Lexicons;

namespace EventExtractor.Extraction;

/// <summary>
/// The words the place stage reads around a capitalised name (models/place-words.tsv: <c>word  kind</c>), as
/// sets of word hashes (<see cref="WordKey"/>), so the stage looks them up without allocating.
/// </summary>
internal sealed class PlaceWords
{
    /// <summary>File name inside the models folder.</summary>
    public const string FileName = "place-words.tsv";

    private static readonly string[] Kinds =
        ["connector", "locative", "near", "source", "distance", "launch", "skip", "region", "district", "title", "capital", "landing", "not-alone", "seat", "town-after", "chain"];

    private readonly Dictionary<string, HashSet<ulong>> _sets = Kinds.ToDictionary(k => k, _ => new HashSet<ulong>(), StringComparer.Ordinal);

    /// <summary>Reads the file; an unknown kind gives a <see cref="Models.ModelException"/> naming the line.</summary>
    public static PlaceWords Load(string path)
    {
        var words = new PlaceWords();
        foreach (var r in TsvReader.Read(path, "word", "kind"))
        {
            if (!words._sets.TryGetValue(r[1], out var set)) throw r.Bad(1, string.Join(", ", Kinds));
            set.Add(WordKey.Hash(r[0]));
        }
        return words;
    }

    /// <summary>Joins the words of a name or marks an article ("al", "bin", "abu").</summary>
    public HashSet<ulong> Connectors => _sets["connector"];
    /// <summary>Before a name: a place is meant.</summary>
    public HashSet<ulong> Locatives => _sets["locative"];
    /// <summary>The event is only near the place.</summary>
    public HashSet<ulong> Near => _sets["near"];
    /// <summary>Locatives only as a link in a chain ("between X and Y"): they do not by themselves say a place is meant.</summary>
    public HashSet<ulong> Chains => _sets["chain"];
    /// <summary>"from" of a launch site.</summary>
    public HashSet<ulong> Source => _sets["source"];
    /// <summary>Units of distance ("50 km from X").</summary>
    public HashSet<ulong> Distances => _sets["distance"];
    /// <summary>Verbs of launching.</summary>
    public HashSet<ulong> Launch => _sets["launch"];
    /// <summary>Passed over on the way back to a locative ("in the northern town of").</summary>
    public HashSet<ulong> Skip => _sets["skip"];
    /// <summary>After a name: an admin1 region.</summary>
    public HashSet<ulong> Region => _sets["region"];
    /// <summary>After a name: an admin2 district.</summary>
    public HashSet<ulong> District => _sets["district"];
    /// <summary>Before a capitalised word: a person follows.</summary>
    public HashSet<ulong> Titles => _sets["title"];
    /// <summary>"capital" of "the Iraqi capital".</summary>
    public HashSet<ulong> Capital => _sets["capital"];
    /// <summary>Where a projectile came down.</summary>
    public HashSet<ulong> Landing => _sets["landing"];
    /// <summary>After a name: a place is meant ("Kukawa town").</summary>
    public HashSet<ulong> TownAfter => _sets["town-after"];
    /// <summary>After "district": its seat town itself ("district centre").</summary>
    public HashSet<ulong> Seat => _sets["seat"];
    /// <summary>Common nouns and first names that are places only after a locative.</summary>
    public HashSet<ulong> NotAlone => _sets["not-alone"];
}

/// <summary>
/// National outlets and their country (models/outlet-countries.tsv: <c>outlet  iso2</c>): an article's source or
/// web domain is weak evidence of its story's country.
/// </summary>
internal sealed class OutletCountries
{
    /// <summary>File name inside the models folder.</summary>
    public const string FileName = "outlet-countries.tsv";

    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the file; a row whose country is not two letters gives a <see cref="Models.ModelException"/>.</summary>
    public static OutletCountries Load(string path)
    {
        var outlets = new OutletCountries();
        foreach (var r in TsvReader.Read(path, "outlet", "iso2"))
        {
            if (r[1].Length != 2) throw r.Bad(1, "an ISO 3166 alpha-2 code");
            outlets._byName[r[0]] = r[1].ToUpperInvariant();
        }
        return outlets;
    }

    /// <summary>The country of an article's outlet, from its source name or its address's host; null when unknown.</summary>
    public string? CountryOf(string? source, string? url)
    {
        if (!string.IsNullOrWhiteSpace(source) && _byName.TryGetValue(source.Trim(), out var bySource)) return bySource;
        if (url != null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // "www.dawn.com", "english.wafa.ps": the host, then the host without its first label.
            string host = uri.Host;
            if (_byName.TryGetValue(host, out var byHost)) return byHost;
            int dot = host.IndexOf('.');
            if (dot > 0 && _byName.TryGetValue(host[(dot + 1)..], out var byDomain)) return byDomain;
        }
        return null;
    }
}

/// <summary>How places are found and when an event without one is still recorded.</summary>
internal sealed record PlaceOptions
{
    /// <summary>
    /// ACLED's strict rule: an event whose place cannot be resolved even to a country is not recorded. Off by default:
    /// such an event is recorded with its country only, or tagged "location unresolved".
    /// </summary>
    public bool RequireLocation { get; init; }

    /// <summary>ISO2 code of the country an archive comes from (<c>--country</c>): ambiguous names resolve there first.</summary>
    public string? CountryIso2 { get; init; }
}
