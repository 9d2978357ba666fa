using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Finds and resolves places: named sites, towns and provinces from the gazetteer, and "the capital".
/// The article's countries (named countries, demonyms, state actors) steer the choice between namesakes.
/// Each Place entity's Ref indexes <see cref="Document.Places"/>; its Value carries <see cref="PlaceFlags"/>.
/// </summary>
internal sealed class PlaceStage(ExtractionKnowledge knowledge, IPlaceLookup gazetteer) : IStage
{
    public string Name => "places";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors;
    public Annotations Provides => Annotations.Places;

    private static readonly HashSet<ulong> Connectors = Hashes("al", "el", "ad", "an", "ar", "as", "at", "ash", "az", "ul", "de", "del", "da", "di", "du", "la", "le", "les", "bin", "ibn", "bani", "abu", "umm");
    private static readonly HashSet<ulong> Locatives = Hashes("in", "at", "near", "outside", "into", "on", "from", "across", "around", "of", "between", "inside", "through", "over", "within", "and", "nearby", "outskirts", "vicinity", "west", "east", "north", "south");
    private static readonly HashSet<ulong> NearWords = Hashes("near", "outside", "outskirts", "vicinity", "around", "nearby", "close", "km", "kilometres", "kilometers", "miles", "west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "border");
    private static readonly HashSet<ulong> SourceWords = Hashes("from");
    private static readonly HashSet<ulong> Distances = Hashes("km", "kilometres", "kilometers", "miles", "mile", "metres", "meters");
    private static readonly ulong FromHash = WordKey.Hash("from");
    // "fired from X", "launched from an area near X": the launch site. "abducted from X" is where it happened.
    private static readonly HashSet<ulong> LaunchWords = Hashes("fired", "launched", "firing", "launching", "fire", "launch", "came", "coming", "originated", "flew", "shot");
    private static readonly HashSet<ulong> SkipBefore = Hashes("the", "town", "city", "village", "district", "province", "area", "neighbourhood", "neighborhood", "region", "governorate", "state", "county", "capital", "of", "northern", "southern", "eastern", "western", "central", "upmarket", "nearby", "restive", "northeastern", "northwestern", "southeastern", "southwestern", "border", "camp", "districts");
    private static readonly HashSet<ulong> RegionWords = Hashes("province", "governorate", "state", "region", "county", "oblast", "prefecture", "department");
    private static readonly HashSet<ulong> TitleWords = Hashes("mr", "mrs", "ms", "dr", "gen", "general", "capt", "captain", "col", "colonel", "lt", "sgt", "president", "minister", "prime", "secretary", "sheikh", "imam", "king", "prince", "spokesman", "spokeswoman", "commander", "leader", "ayatollah", "senator", "governor", "pope", "saint");
    private static readonly ulong CapitalHash = WordKey.Hash("capital");
    private static readonly HashSet<ulong> SentenceStarters = TextLexicon.SentenceStarters.Select(w => WordKey.Hash(w)).ToHashSet();
    private static readonly HashSet<ulong> LandingWords = Hashes("landed", "hit", "struck", "fell", "exploded", "impacted", "targeting", "targeted", "at", "on", "into", "over", "down", "intercepted", "downed", "crashed", "reached");

    private static HashSet<ulong> Hashes(params string[] words) => words.Select(w => WordKey.Hash(w)).ToHashSet();

    public void Process(Document doc)
    {
        var words = doc.Words;
        var preferred = PreferredCountries(doc);
        var covered = CoveredTokens(doc);
        // An article that names no country ("IMPHAL - ... near Kangpokpi ... police in Manipur said") still has
        // one: the country of its well-known places, so that "Kuki" stays an Indian community, not a Japanese city.
        if (preferred.Count == 0) preferred = doc.CountryHint is { } hint ? [hint] : GuessCountries(doc, covered);
        var speech = doc.Entities.Where(e => e.Label == EntityLabel.Cue && knowledge.Cues[e.Ref] == CueEffect.Speech).Select(e => e.FirstToken).ToHashSet();
        var context = new PlaceContext();

        // Named sites first: they are more specific than the town they are in.
        var siteMatches = new List<PhraseMatch>();
        knowledge.SiteMatcher.Match(words, 0, words.Length, wholeTokens: true, siteMatches);
        foreach (var m in BestSites(siteMatches, preferred))
        {
            var site = knowledge.Sites[m.Entry];
            if (!TryPlaceOfSite(site, preferred, context, out var info)) continue;
            AddPlace(doc, m.FirstToken, m.TokenCount, info, Flags(doc, m.FirstToken) | PlaceFlags.Site, context);
            for (int t = m.FirstToken; t < m.EndToken; t++) covered[t] = true;
        }

        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (covered[t] || !StartsName(doc, t, words)) continue;
            if (IsAfterTitle(doc, t)) continue;
            // "An", "The", "After" opening a sentence are words, not towns.
            if (IsSentenceStart(doc, t) && SentenceStarters.Contains(doc.TokenHash(t))) continue;
            // Two-letter words are no towns, but "Al" of "Al Qaim" begins one.
            if (doc.Tokens[t].Length < 3 && (doc.Tokens[t].Flags & TokenFlags.AllCaps) == 0 && !Connectors.Contains(doc.TokenHash(t))) continue;
            var flags = Flags(doc, t);
            bool cue = (flags & PlaceFlags.Locative) != 0;
            // Longest name first; names are runs of capitalised words with connectors (Ras al Ain).
            int maxLen = Math.Min(gazetteer.MaxNameWords, 6);
            int bestLen = 0;
            PlaceInfo best = default;
            for (int len = maxLen; len >= 1; len--)
            {
                if (!IsNameRun(doc, t, len, covered)) continue;
                var (from, to) = doc.CharRange(t, len);
                bool region = t + len < doc.TokenCount && RegionWords.Contains(doc.TokenHash(t + len));
                if (!region && !gazetteer.HasName(doc.Text.AsSpan(from, to - from))) continue; // most capitalised words name no place
                var surface = doc.Text[from..to];
                if (region && preferred.Count > 0 && gazetteer.TryRegion(surface, preferred[0], out var reg))
                {
                    best = reg;
                    bestLen = len;
                    flags |= PlaceFlags.Region;
                    break;
                }
                if (gazetteer.TryResolve(surface, preferred, context, strict: !cue, out var place))
                {
                    best = place;
                    bestLen = len;
                    if (place.IsRegion) flags |= PlaceFlags.Region;
                    break;
                }
            }
            if (bestLen == 0) continue;
            // "Baghdad said", "Moscow announced": the government, not the town.
            if ((flags & PlaceFlags.Locative) == 0 && speech.Contains(t + bestLen)) continue;
            if (IsDateline(doc, t, bestLen)) flags |= PlaceFlags.Dateline;
            AddPlace(doc, t, bestLen, best, flags, context);
            for (int k = t; k < t + bestLen; k++) covered[k] = true;
            t += bestLen - 1;
        }

        AddCapitals(doc, preferred, context);
    }

    private List<string> GuessCountries(Document doc, bool[] covered)
    {
        var counts = new Dictionary<string, int>();
        var none = new PlaceContext();
        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (covered[t] || !StartsName(doc, t, doc.Words) || IsAfterTitle(doc, t)) continue;
            if (IsSentenceStart(doc, t) && SentenceStarters.Contains(doc.TokenHash(t))) continue;
            for (int len = 3; len >= 1; len--)
            {
                if (!IsNameRun(doc, t, len, covered)) continue;
                var (from, to) = doc.CharRange(t, len);
                if (!gazetteer.HasName(doc.Text.AsSpan(from, to - from))) continue;
                if (gazetteer.TryResolve(doc.Text[from..to], [], none, strict: true, out var place))
                {
                    counts[place.Iso2] = counts.GetValueOrDefault(place.Iso2) + 1;
                    t += len - 1;
                    break;
                }
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(2).ToList();
    }

    private static void AddPlace(Document doc, int first, int count, PlaceInfo info, PlaceFlags flags, PlaceContext context)
    {
        doc.Places.Add(info);
        doc.Entities.Add(new EntitySpan(first, count, EntityLabel.Place, doc.Places.Count - 1) { Value = (int)flags });
        context.Add(info);
    }

    /// <summary>
    /// The coordinates of the places resolved so far, nearest namesakes win ties; only the latest ones are kept,
    /// so a long article costs no more per name than a short one.
    /// </summary>
    private sealed class PlaceContext : IReadOnlyList<(double Latitude, double Longitude)>
    {
        private const int Capacity = 32;
        private readonly (double, double)[] _ring = new (double, double)[Capacity];
        private int _count, _next;

        public void Add(PlaceInfo p)
        {
            _ring[_next] = (p.Latitude, p.Longitude);
            _next = (_next + 1) % Capacity;
            if (_count < Capacity) _count++;
        }

        public int Count => _count;
        public (double Latitude, double Longitude) this[int index] => _ring[index];
        public IEnumerator<(double Latitude, double Longitude)> GetEnumerator() { for (int i = 0; i < _count; i++) yield return _ring[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>"the Iraqi capital", "Iraq's capital": the capital of the named country.</summary>
    private void AddCapitals(Document doc, List<string> preferred, PlaceContext context)
    {
        foreach (var e in doc.Entities.ToArray())
        {
            if (e.Label != EntityLabel.Country) continue;
            int next = e.EndToken;
            if (next < doc.TokenCount && IsClitic(doc, next)) next++;
            if (next >= doc.TokenCount || doc.TokenHash(next) != CapitalHash) continue;
            var country = knowledge.Countries[knowledge.CountryIndexes[e.Ref]];
            if (!gazetteer.TryCapital(country.Iso2, out var cap)) continue;
            AddPlace(doc, e.FirstToken, next - e.FirstToken + 1, cap, Flags(doc, e.FirstToken) | PlaceFlags.Locative, context);
        }
    }

    /// <summary>A capitalised place opening the first body paragraph and followed by a comma or a dash.</summary>
    private static bool IsDateline(Document doc, int t, int len)
    {
        if (!IsSentenceStart(doc, t)) return false;
        int p = doc.ParagraphAt(doc.Tokens[t].Start);
        if (p < 0 || doc.Paragraphs[p].Start != doc.Tokens[t].Start || doc.Paragraphs[p].Kind != ParagraphKind.Body) return false;
        if ((doc.Tokens[t].Flags & TokenFlags.AllCaps) == 0) return false;
        int next = t + len;
        return next < doc.TokenCount && doc.TokenText(next) is "," or "—" or "–" or "-" or ":";
    }

    private static bool IsClitic(Document doc, int t)
    {
        var s = doc.TokenText(t);
        return s.Length == 2 && (s[0] is '\'' or '’') && (s[1] is 's' or 'S');
    }

    private List<string> PreferredCountries(Document doc)
    {
        var counts = new Dictionary<string, int>();
        void Count(string iso2, int n)
        {
            if (string.IsNullOrEmpty(iso2)) return;
            counts[iso2] = counts.GetValueOrDefault(iso2) + n;
        }
        foreach (var e in doc.Entities)
        {
            // Promotions and captions name other countries ("news from Mali, Burkina Faso and Niger").
            int p = doc.ParagraphAt(doc.Tokens[e.FirstToken].Start);
            if (p >= 0 && !doc.Paragraphs[p].IsEvidence) continue;
            if (e.Label == EntityLabel.Country)
            {
                var c = knowledge.Countries[knowledge.CountryIndexes[e.Ref]];
                // A country in the headline or a locative phrase ("in Iraq") says more than a demonym.
                Count(c.Iso2, 2);
            }
            else if (e.Label == EntityLabel.Actor)
            {
                var a = knowledge.Actors[e.Ref];
                if (a.Kind == ActorKind.Group && a.Iso3.Length == 3 && knowledge.CountryOfIso3(a.Iso3) is { } g) Count(g.Iso2, 1);
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
    }

    private IEnumerable<PhraseMatch> BestSites(List<PhraseMatch> matches, List<string> preferred)
    {
        // One phrase may name sites in several cities ("Tahrir Square"): keep the one in the article's country.
        foreach (var group in matches.GroupBy(m => (m.FirstToken, m.EndToken)))
        {
            var best = group.OrderBy(m =>
            {
                int rank = preferred.IndexOf(knowledge.Sites[m.Entry].Iso2);
                return rank < 0 ? int.MaxValue : rank;
            }).First();
            yield return best;
        }
    }

    private bool TryPlaceOfSite(SiteEntry site, List<string> preferred, PlaceContext context, out PlaceInfo info)
    {
        // The site's town gives admin1/admin2; the site's own coordinates and name are kept.
        var town = site.Location.Split(" - ")[0];
        var prefs = new List<string> { site.Iso2 };
        prefs.AddRange(preferred);
        if (gazetteer.TryResolve(town, prefs, context, strict: false, out var city) && city.Iso2 == site.Iso2)
        {
            info = city with { Id = -1, Location = site.Location, Latitude = site.Latitude, Longitude = site.Longitude };
            return true;
        }
        info = new PlaceInfo(-1, site.Location, site.Iso2, "", "", site.Latitude, site.Longitude, 0, false);
        return true;
    }

    private static bool[] CoveredTokens(Document doc)
    {
        var covered = new bool[doc.TokenCount];
        foreach (var e in doc.Entities)
        {
            if (e.Label is EntityLabel.Place or EntityLabel.Cue or EntityLabel.Date or EntityLabel.Count) continue;
            if (e.Value == LexiconStage.PartialToken) continue;
            for (int t = e.FirstToken; t < e.EndToken; t++) covered[t] = true;
        }
        return covered;
    }

    private static bool StartsName(Document doc, int t, MatchWord[] words)
    {
        var tok = doc.Tokens[t];
        if (tok.Kind != TokenKind.Word || ((tok.Flags & TokenFlags.Capitalized) == 0 && !IsArticlePrefixed(doc, t))) return false;
        // Inside a run of capitalised words, only the run's start begins a name (skips "Mike Pompeo" -> "Pompeo").
        if (t > 0)
        {
            var prev = doc.Tokens[t - 1];
            bool prevCap = prev.Kind == TokenKind.Word && (prev.Flags & TokenFlags.Capitalized) != 0 && prev.End >= tok.Start - 1;
            if (prevCap && !IsSentenceStart(doc, t - 1) && !Locatives.Contains(doc.TokenHash(t - 1))) return false;
        }
        return true;
    }

    /// <summary>"al-Qaim", "ad-Dawr": a lower-case Arabic article joined to a capitalised name.</summary>
    private static bool IsArticlePrefixed(Document doc, int t)
    {
        var s = doc.TokenText(t);
        int dash = s.IndexOf('-');
        return dash is >= 1 and <= 3 && dash + 1 < s.Length && char.IsUpper(s[dash + 1]) && Connectors.Contains(WordKey.Hash(s[..dash]));
    }

    private static bool IsSentenceStart(Document doc, int t)
    {
        int s = doc.SentenceOfToken(t);
        return s >= 0 && doc.Sentences[s].FirstToken == t;
    }

    private static bool IsAfterTitle(Document doc, int t)
    {
        if (t == 0) return false;
        return TitleWords.Contains(doc.TokenHash(t - 1));
    }

    private static bool IsNameRun(Document doc, int t, int len, bool[] covered)
    {
        if (t + len > doc.TokenCount) return false;
        int sentence = doc.SentenceOfToken(t);
        for (int k = t; k < t + len; k++)
        {
            if (covered[k] || doc.SentenceOfToken(k) != sentence) return false;
            var tok = doc.Tokens[k];
            if (tok.Kind != TokenKind.Word) return false;
            bool cap = (tok.Flags & TokenFlags.Capitalized) != 0 || IsArticlePrefixed(doc, k);
            if (!cap && !(k > t && k < t + len - 1 && Connectors.Contains(doc.TokenHash(k)))
                && !(k > t && cap)) return false;
            if (k > t && doc.Tokens[k - 1].End < tok.Start - 1) return false; // no line breaks or double spaces inside a name
        }
        return true;
    }

    /// <summary>What the words before a name say about it: a locative cue, "near", or the launch site ("from").</summary>
    private static PlaceFlags Flags(Document doc, int t)
    {
        var flags = PlaceFlags.None;
        int sentence = doc.SentenceOfToken(t);
        int start = sentence >= 0 ? doc.Sentences[sentence].FirstToken : 0;
        int k = t - 1;
        int skipped = 0;
        while (k >= start && skipped < 6 && SkipBefore.Contains(doc.TokenHash(k)))
        {
            if (NearWords.Contains(doc.TokenHash(k))) flags |= PlaceFlags.Near;
            if (Locatives.Contains(doc.TokenHash(k))) flags |= PlaceFlags.Locative; // "the town of X"
            k--;
            skipped++;
        }
        // "launched from an open area near the town of X, east of Y": both are the launch site.
        for (int j = k; j >= Math.Max(start, t - 12); j--)
        {
            var hj = doc.TokenHash(j);
            if (LandingWords.Contains(hj)) break;
            if (SourceWords.Contains(hj))
            {
                for (int v = j - 1; v >= Math.Max(start, j - 6); v--)
                    if (LaunchWords.Contains(doc.TokenHash(v))) { flags |= PlaceFlags.Source; break; }
                break;
            }
        }
        if (k >= start)
        {
            var h = doc.TokenHash(k);
            if (Locatives.Contains(h)) flags |= PlaceFlags.Locative;
            if (NearWords.Contains(h)) flags |= PlaceFlags.Near;

            // "50 km from X", "10 miles from the border": X is a reference point.
            if (h == FromHash && k - 1 >= start && Distances.Contains(doc.TokenHash(k - 1))) flags |= PlaceFlags.Near | PlaceFlags.Reference;
            if (h == WordKey.Hash("of") && k - 1 >= start)
            {
                var h2 = doc.TokenHash(k - 1);
                if (NearWords.Contains(h2)) flags |= PlaceFlags.Near;
                // "60km west of Erbil": a distance and a direction make the place a reference point only.
                if (k - 2 >= start && NearWords.Contains(doc.TokenHash(k - 2))) flags |= PlaceFlags.Near;
                if (k - 2 >= start && Distances.Contains(doc.TokenHash(k - 2))) flags |= PlaceFlags.Reference;
            }
        }
        return flags;
    }
}

/// <summary>What the text says around a place name.</summary>
[Flags]
internal enum PlaceFlags
{
    None = 0,
    /// <summary>"near X", "outside X", "east of X": geo_precision 2.</summary>
    Near = 1,
    /// <summary>"from X": where an attack was launched, not where it happened.</summary>
    Source = 2,
    /// <summary>A province or region, not a town: geo_precision 3.</summary>
    Region = 4,
    /// <summary>A locative word stands before the name ("in", "at", "near" ...).</summary>
    Locative = 8,
    /// <summary>A named site from the site list.</summary>
    Site = 16,
    /// <summary>The dateline ("BAMAKO —"): where the reporter filed, not where the event was.</summary>
    Dateline = 32,
    /// <summary>A distance reference ("50 km from X", "60km west of X"): the event is elsewhere.</summary>
    Reference = 64,
}
