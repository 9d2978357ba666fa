using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Finds and resolves places: named sites, towns and provinces from the gazetteer, and "the capital".
/// The article's countries (named countries, demonyms, state actors) steer the choice between namesakes.
/// Each Place entity's Ref indexes <see cref="Document.Places"/>; its Value carries <see cref="PlaceFlags"/>.
/// </summary>
internal sealed class PlaceStage(ExtractionKnowledge knowledge, IPlaceLookup gazetteer, PlaceOptions? options = null) : IStage
{
    public string Name => "places";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors;
    public Annotations Provides => Annotations.Places;

    private readonly PlaceWords _words = knowledge.PlaceWords;
    private readonly NameVotes _nameVotes = new(gazetteer);
    private readonly string? _forcedCountry = options?.CountryIso2;
    /// <summary>The sites.tsv kind of natural features (coded as a region).</summary>
    public const string FeatureKind = "feature";
    private static readonly ulong FromHash = WordKey.Hash("from");
    private static readonly ulong OfHash = WordKey.Hash("of");
    private static readonly HashSet<ulong> SentenceStarters = TextLexicon.SentenceStarters.Select(w => WordKey.Hash(w)).ToHashSet();

    /// <summary>Evidence weights for the story's country (a Mordecai-style vote over everything the text names).</summary>
    private const int CountryNamed = 2, CountryNamedAfterLocative = 3, ActorHome = 1, OutletHome = 2, SiteNamed = 3, TownNamed = 1, AdminNamed = 2, ProvinceNamed = 3;

    public void Process(Document doc)
    {
        var words = doc.Words;
        var scratch = t_scratch ??= new Scratch();
        int n = doc.TokenCount;
        var covered = CoveredTokens(doc, Scratch.Cleared(ref scratch.Covered, n));
        var nameStarts = NameStarts(doc, words, Scratch.Cleared(ref scratch.NameStarts, n));
        var lexicon = Scratch.Cleared(ref scratch.Lexicon, n);
        Array.Copy(covered, lexicon, n);
        var speech = SpeechCues(doc, Scratch.Cleared(ref scratch.Speech, n));
        var context = new PlaceContext();

        var siteMatches = scratch.SiteMatches;
        siteMatches.Clear();
        knowledge.SiteMatcher.Match(words, 0, words.Length, wholeTokens: true, siteMatches);
        // The story's country from all its evidence: named countries, the home countries of named actors, named
        // sites, towns and provinces (an article that names no country still has one: "Kuki" in a story about
        // Manipur is an Indian community, not a Japanese city); --country puts the archive's country first.
        var preferred = StoryCountries(doc, covered, nameStarts, siteMatches);
        IReadOnlyList<string>? storyCountry = null;

        // Named sites first: they are more specific than the town they are in.
        foreach (var m in BestSites(siteMatches, preferred))
        {
            var site = knowledge.Sites[m.Entry];
            if (!TryPlaceOfSite(site, preferred, context, out var info)) continue;
            AddPlace(doc, m.FirstToken, m.TokenCount, info, Flags(doc, m.FirstToken) | PlaceFlags.Site, context);
            for (int t = m.FirstToken; t < m.EndToken; t++) covered[t] = true;
        }

        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (covered[t] || !nameStarts[t]) continue;
            var flags = Flags(doc, t);
            bool cue = (flags & PlaceFlags.Locative) != 0;
            // Another romanisation of a name ("Tikreet") only where the text says a place is meant.
            bool allowSkeleton = cue && InBody(doc, t);
            // Longest name first; names are runs of capitalised words with connectors (Ras al Ain).
            int maxLen = Math.Min(gazetteer.MaxNameWords, 6);
            int bestLen = 0;
            PlaceInfo best = default;
            for (int len = maxLen; len >= 1; len--)
            {
                // "Tal Afar" whose "Afar" the lexicons know as a people: a whole name may hold a lexicon word.
                if (!IsNameRun(doc, t, len, covered) && (len < 2 || !IsNameRun(doc, t, len, covered, lexicon))) continue;
                // Calendar words are dates, never towns ("Feb 10", "Mar"); common nouns and first names that
                // name towns somewhere are places only after a locative word.
                if (len == 1 && knowledge.Calendar.ContainsKey(doc.TokenHash(t))) continue;
                if (len == 1 && !cue && _words.NotAlone.Contains(doc.TokenHash(t))) continue;
                var (from, to) = doc.CharRange(t, len);
                var span = doc.Text.AsSpan(from, to - from);
                var unit = AdminUnitAfter(doc, t + len);
                // Only a whole name may match by skeleton: "Jantar" of "Jantar Mantar" is no town's other spelling.
                bool skeleton = allowSkeleton && !IsNameRun(doc, t, len + 1, covered);
                if (unit == PlaceLevel.Town && !gazetteer.HasName(span) && !(skeleton && gazetteer.HasSkeleton(span))) continue; // most capitalised words name no place
                var surface = span;
                // "the Khanabad district" is mostly named after its seat: the town of that name in the story's
                // country, where there is one; else the district itself.
                if (unit == PlaceLevel.District && preferred.Count > 0
                    && gazetteer.TryResolve(surface, storyCountry ??= [preferred[0]], context, strict: false, out var seat) && !seat.IsRegion)
                {
                    best = seat;
                    bestLen = len;
                    // Somewhere in the district (geo_precision 2), unless the text means the seat ("district centre").
                    int after = t + len + 1;
                    if (after >= doc.TokenCount || !_words.Seat.Contains(doc.TokenHash(after))) flags |= PlaceFlags.Near;
                    break;
                }
                // "the Soran district", "Erbil province", "Borno State": the unit the text names.
                if (unit == PlaceLevel.District && gazetteer.TryDistrict(surface, preferred, out var district))
                {
                    best = district;
                    bestLen = len;
                    flags |= PlaceFlags.Region;
                    break;
                }
                if (unit != PlaceLevel.Town && gazetteer.TryRegion(surface, preferred, out var reg))
                {
                    best = reg;
                    bestLen = len;
                    flags |= PlaceFlags.Region;
                    break;
                }
                // "Kukawa town", "Rubaya village": the word after says a place is meant, as "in" before does.
                bool placeNounAfter = t + len < doc.TokenCount && _words.TownAfter.Contains(doc.TokenHash(t + len));
                if (gazetteer.TryResolve(surface, preferred, context, strict: !cue && !placeNounAfter, out var place, skeleton))
                {
                    best = place;
                    bestLen = len;
                    if (place.IsRegion) flags |= PlaceFlags.Region;
                    break;
                }
            }
            if (bestLen == 0) continue;
            // "Baghdad said", "Moscow announced": the government, not the town.
            if ((flags & PlaceFlags.Locative) == 0 && t + bestLen < doc.TokenCount && speech[t + bestLen]) continue;
            if (IsDateline(doc, t, bestLen)) flags |= PlaceFlags.Dateline;
            AddPlace(doc, t, bestLen, best, flags, context);
            for (int k = t; k < t + bestLen; k++) covered[k] = true;
            t += bestLen - 1;
        }

        AddCapitals(doc, preferred, context);
        // The story's countries for the record of an event whose place the text does not name.
        doc.Countries.AddRange(preferred);
    }

    /// <summary>The tokens that begin a cue of speech ("said", "announced"), by token index.</summary>
    private bool[] SpeechCues(Document doc, bool[] speech)
    {
        foreach (var e in doc.Entities)
            if (e.Label == EntityLabel.Cue && knowledge.Cues[e.Ref] == CueEffect.Speech && (uint)e.FirstToken < (uint)doc.TokenCount)
                speech[e.FirstToken] = true;
        return speech;
    }

    /// <summary>
    /// For each token, whether a place name may begin there when no entity covers it: the vote and the search both
    /// ask, so it is worked out once.
    /// </summary>
    private bool[] NameStarts(Document doc, MatchWord[] words, bool[] starts)
    {
        for (int t = 0; t < doc.TokenCount; t++) starts[t] = IsNameStart(doc, t, words);
        return starts;
    }

    /// <summary>Where a capitalised word may begin a place name (not a title's name, not "The" opening a sentence).</summary>
    private bool IsNameStart(Document doc, int t, MatchWord[] words)
    {
        if (!StartsName(doc, t, words)) return false;
        if (IsAfterTitle(doc, t)) return false;
        // "An", "The", "After" opening a sentence are words, not towns.
        if (IsSentenceStart(doc, t) && SentenceStarters.Contains(doc.TokenHash(t))) return false;
        // Two-letter words are no towns, but "Al" of "Al Qaim" begins one.
        if (doc.Tokens[t].Length < 3 && (doc.Tokens[t].Flags & TokenFlags.AllCaps) == 0 && !_words.Connectors.Contains(doc.TokenHash(t))) return false;
        return true;
    }

    /// <summary>The admin unit a word after a name makes of it: "district" (admin2), "province", "state" ... (admin1).</summary>
    private PlaceLevel AdminUnitAfter(Document doc, int t)
    {
        if (t >= doc.TokenCount) return PlaceLevel.Town;
        var h = doc.TokenHash(t);
        if (_words.District.Contains(h)) return PlaceLevel.District;
        if (_words.Region.Contains(h)) return PlaceLevel.Region;
        return PlaceLevel.Town;
    }

    /// <summary>Body prose, not a headline: headlines capitalise every word, so a skeleton would meet common words.</summary>
    private static bool InBody(Document doc, int t)
    {
        int p = doc.ParagraphAt(doc.Tokens[t].Start);
        return p < 0 || doc.Paragraphs[p].Kind == ParagraphKind.Body;
    }

    /// <summary>
    /// The story's countries, most likely first, from a vote over its evidence: named countries (more after a
    /// locative: "in Iraq"), the home countries of named armed groups, the outlet's country, named sites, towns and
    /// provinces (more after a locative). <c>--country</c> comes first whatever the vote.
    /// </summary>
    private List<string> StoryCountries(Document doc, bool[] covered, bool[] nameStarts, List<PhraseMatch> siteMatches)
    {
        var counts = t_counts ??= new CountryVotes();
        counts.Clear();
        bool named = false;
        foreach (var e in doc.Entities)
        {
            // Promotions and captions name other countries ("news from Mali, Burkina Faso and Niger").
            if (!IsEvidence(doc, e.FirstToken)) continue;
            if (e.Label == EntityLabel.Country)
            {
                var c = knowledge.Countries[knowledge.CountryIndexes[e.Ref]];
                counts.Add(c.Iso2, e.FirstToken > 0 && _words.Locatives.Contains(doc.TokenHash(e.FirstToken - 1)) ? CountryNamedAfterLocative : CountryNamed);
                named = true;
            }
            else if (e.Label == EntityLabel.Actor)
            {
                var a = knowledge.Actors[e.Ref];
                // A group's home country is a vote, not a country the text names: groups fight across borders (JNIM
                // in Burkina Faso), so the places the text names still decide.
                if (a.Kind == ActorKind.Group && a.Iso3.Length == 3 && knowledge.CountryOfIso3(a.Iso3) is { } g) counts.Add(g.Iso2, ActorHome);
            }
        }
        foreach (var m in siteMatches)
            if (IsEvidence(doc, m.FirstToken)) counts.Add(knowledge.Sites[m.Entry].Iso2, SiteNamed);
        if (knowledge.Outlets.CountryOf(doc.Article.Source, doc.Article.Url) is { } outlet) counts.Add(outlet, OutletHome);
        // Places decide where the text names no country; where it does, only a province named as such ("Erbil
        // province") brings in its country, and other places weigh between the countries already in evidence ("in
        // Africa" must not bring in a Tunisian town that an alternate name calls so).
        var votes = t_placeVotes ??= new List<(string, int)>();
        votes.Clear();
        PlaceVotes(doc, covered, nameStarts, votes);
        foreach (var (iso2, weight) in votes)
        {
            if (!named || weight >= ProvinceNamed) counts.Add(iso2, weight);
            else if (counts.Contains(iso2)) counts.Add(iso2, Math.Min(weight, 1));
        }
        var order = counts.MostVotedFirst();
        if (!named && order.Count > 2) order.RemoveRange(2, order.Count - 2);
        if (_forcedCountry != null)
        {
            order.Remove(_forcedCountry);
            order.Insert(0, _forcedCountry);
        }
        return order;
    }

    /// <summary>
    /// One thread's token flags and site matches, reused article after article (stages are shared by threads, an
    /// article is never split between them). Arrays may be longer than an article: only its tokens are read.
    /// </summary>
    private sealed class Scratch
    {
        public bool[] Covered = [], Lexicon = [], Speech = [], NameStarts = [];
        public readonly List<PhraseMatch> SiteMatches = new();

        /// <summary>The buffer, grown to at least <paramref name="length"/> and all false.</summary>
        public static bool[] Cleared(ref bool[] buffer, int length)
        {
            if (buffer.Length < length) buffer = new bool[Math.Max(length, buffer.Length * 2)];
            else Array.Clear(buffer);
            return buffer;
        }
    }

    [ThreadStatic] private static Scratch? t_scratch;

    // Scratch of the country vote, one per thread (stages are shared, articles never span threads).
    [ThreadStatic] private static CountryVotes? t_counts;
    [ThreadStatic] private static List<(string, int)>? t_placeVotes;

    private static bool IsEvidence(Document doc, int token)
    {
        int p = doc.ParagraphAt(doc.Tokens[token].Start);
        return p < 0 || doc.Paragraphs[p].IsEvidence;
    }

    /// <summary>
    /// The countries of the well-known places and provinces the text names, resolved without any country in mind:
    /// one vote per name, two after a locative word or for a named province.
    /// </summary>
    private void PlaceVotes(Document doc, bool[] covered, bool[] nameStarts, List<(string Iso2, int Weight)> votes)
    {
        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (covered[t] || !nameStarts[t] || !IsEvidence(doc, t)) continue;
            bool cue = t > 0 && _words.Locatives.Contains(doc.TokenHash(t - 1));
            for (int len = 3; len >= 1; len--)
            {
                if (!IsNameRun(doc, t, len, covered)) continue;
                if (len == 1 && (knowledge.Calendar.ContainsKey(doc.TokenHash(t)) || _words.NotAlone.Contains(doc.TokenHash(t)))) continue;
                var (from, to) = doc.CharRange(t, len);
                // Right after a locative word ("near Djibo", not the "and" of "Meitei and Kuki"), a whole name votes
                // even when not well known; a part of a longer name ("Zam" of "Zam Zam camp") does not.
                bool saysPlace = cue && !_words.Chains.Contains(doc.TokenHash(t - 1)) && !IsNameRun(doc, t, len + 1, covered);
                var vote = _nameVotes.Of(doc.Text.AsSpan(from, to - from), AdminUnitAfter(doc, t + len) == PlaceLevel.Region, saysPlace);
                if (vote.Kind == NameVoteKind.None) continue;
                if (vote.Kind == NameVoteKind.Province) votes.Add((vote.Iso2, ProvinceNamed));
                else
                {
                    // A province is rarely a namesake of another country's: it outweighs a town; a town whose name a
                    // notable place abroad bears too ("Hyderabad") says little.
                    int weight = vote.IsRegion ? AdminNamed : TownNamed;
                    if (cue) weight++;
                    if (vote.NamesakeAbroad) weight = 1;
                    votes.Add((vote.Iso2, weight));
                }
                t += len - 1;
                break;
            }
        }
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
        // The places added here go after the entities read, so the loop reads only those there at the start.
        for (int i = 0, count = doc.Entities.Count; i < count; i++)
        {
            var e = doc.Entities[i];
            if (e.Label != EntityLabel.Country) continue;
            int next = e.EndToken;
            if (next < doc.TokenCount && IsClitic(doc, next)) next++;
            if (next >= doc.TokenCount || !_words.Capital.Contains(doc.TokenHash(next))) continue;
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
        // A natural feature (a mountain range, a valley, a forest) is a larger region: coded at the feature, geo_precision 3.
        bool feature = site.Kind == FeatureKind;
        var level = feature ? PlaceLevel.Region : PlaceLevel.Town;
        if (!feature && gazetteer.TryResolve(town, prefs, context, strict: false, out var city) && city.Iso2 == site.Iso2
            && gazetteer.DistanceKm(city, city with { Latitude = site.Latitude, Longitude = site.Longitude }) <= 50)
        {
            info = city with { Id = -1, Location = site.Location, Latitude = site.Latitude, Longitude = site.Longitude, IsRegion = false, Level = level };
            return true;
        }
        // No town of that name near: the province and district of the nearest town.
        if (gazetteer.TryNearest(site.Iso2, site.Latitude, site.Longitude, out var near))
        {
            info = new PlaceInfo(-1, site.Location, site.Iso2, near.Admin1, near.Admin2, site.Latitude, site.Longitude, 0, feature) { Level = level };
            return true;
        }
        info = new PlaceInfo(-1, site.Location, site.Iso2, "", "", site.Latitude, site.Longitude, 0, feature) { Level = level };
        return true;
    }

    private static bool[] CoveredTokens(Document doc, bool[] covered)
    {
        foreach (var e in doc.Entities)
        {
            if (e.Label is EntityLabel.Place or EntityLabel.Cue or EntityLabel.Date or EntityLabel.Count) continue;
            if (e.Value == LexiconStage.PartialToken) continue;
            for (int t = e.FirstToken; t < e.EndToken; t++) covered[t] = true;
        }
        return covered;
    }

    private bool StartsName(Document doc, int t, MatchWord[] words)
    {
        var tok = doc.Tokens[t];
        if (tok.Kind != TokenKind.Word || ((tok.Flags & TokenFlags.Capitalized) == 0 && !IsArticlePrefixed(doc, t))) return false;
        // Inside a run of capitalised words, only the run's start begins a name (skips "Mike Pompeo" -> "Pompeo").
        if (t > 0)
        {
            var prev = doc.Tokens[t - 1];
            bool prevCap = prev.Kind == TokenKind.Word && (prev.Flags & TokenFlags.Capitalized) != 0 && prev.End >= tok.Start - 1;
            if (prevCap && !IsSentenceStart(doc, t - 1) && !_words.Locatives.Contains(doc.TokenHash(t - 1))) return false;
        }
        return true;
    }

    /// <summary>"al-Qaim", "ad-Dawr": a lower-case Arabic article joined to a capitalised name.</summary>
    private bool IsArticlePrefixed(Document doc, int t)
    {
        var s = doc.TokenText(t);
        // Only a dash among the first four characters can make an article prefix: no need to search the whole word.
        int dash = s[..Math.Min(s.Length, 4)].IndexOf('-');
        return dash is >= 1 and <= 3 && dash + 1 < s.Length && char.IsUpper(s[dash + 1]) && _words.Connectors.Contains(WordKey.Hash(s[..dash]));
    }

    private static bool IsSentenceStart(Document doc, int t)
    {
        int s = doc.SentenceOfToken(t);
        return s >= 0 && doc.Sentences[s].FirstToken == t;
    }

    private bool IsAfterTitle(Document doc, int t)
    {
        if (t == 0) return false;
        return _words.Titles.Contains(doc.TokenHash(t - 1));
    }

    /// <summary>
    /// A run of capitalised words (with connectors) in one sentence that no entity covers; with
    /// <paramref name="lexiconInside"/>, words after the first may be covered by a lexicon entity (not by a place).
    /// </summary>
    private bool IsNameRun(Document doc, int t, int len, bool[] covered, bool[]? lexiconInside = null)
    {
        if (t + len > doc.TokenCount) return false;
        int sentence = doc.SentenceOfToken(t);
        // Sentences are disjoint token ranges: within t's sentence is before its end (no search per word).
        int sentenceEnd = sentence >= 0 ? doc.Sentences[sentence].FirstToken + doc.Sentences[sentence].TokenCount : -1;
        for (int k = t; k < t + len; k++)
        {
            bool blocked = covered[k] && !(lexiconInside != null && k > t && lexiconInside[k]);
            bool sameSentence = sentence >= 0 ? k < sentenceEnd : doc.SentenceOfToken(k) < 0;
            if (blocked || !sameSentence) return false;
            var tok = doc.Tokens[k];
            if (tok.Kind != TokenKind.Word) return false;
            bool cap = (tok.Flags & TokenFlags.Capitalized) != 0 || IsArticlePrefixed(doc, k);
            if (!cap && !(k > t && k < t + len - 1 && _words.Connectors.Contains(doc.TokenHash(k)))
                && !(k > t && cap)) return false;
            if (k > t && doc.Tokens[k - 1].End < tok.Start - 1) return false; // no line breaks or double spaces inside a name
        }
        return true;
    }

    /// <summary>What the words before a name say about it: a locative cue, "near", or the launch site ("from").</summary>
    private PlaceFlags Flags(Document doc, int t)
    {
        var flags = PlaceFlags.None;
        int sentence = doc.SentenceOfToken(t);
        int start = sentence >= 0 ? doc.Sentences[sentence].FirstToken : 0;
        int k = t - 1;
        int skipped = 0;
        while (k >= start && skipped < 6 && _words.Skip.Contains(doc.TokenHash(k)))
        {
            if (_words.Near.Contains(doc.TokenHash(k))) flags |= PlaceFlags.Near;
            if (_words.Locatives.Contains(doc.TokenHash(k))) flags |= PlaceFlags.Locative; // "the town of X"
            k--;
            skipped++;
        }
        // "launched from an open area near the town of X, east of Y": both are the launch site.
        for (int j = k; j >= Math.Max(start, t - 12); j--)
        {
            var hj = doc.TokenHash(j);
            if (_words.Landing.Contains(hj)) break;
            if (_words.Source.Contains(hj))
            {
                for (int v = j - 1; v >= Math.Max(start, j - 6); v--)
                    if (_words.Launch.Contains(doc.TokenHash(v))) { flags |= PlaceFlags.Source; break; }
                break;
            }
        }
        if (k >= start)
        {
            var h = doc.TokenHash(k);
            if (_words.Locatives.Contains(h)) flags |= PlaceFlags.Locative;
            if (_words.Near.Contains(h)) flags |= PlaceFlags.Near;

            // "50 km from X", "10 miles from the border": X is a reference point.
            if (h == FromHash && k - 1 >= start && _words.Distances.Contains(doc.TokenHash(k - 1))) flags |= PlaceFlags.Near | PlaceFlags.Reference;
            if (h == OfHash && k - 1 >= start)
            {
                var h2 = doc.TokenHash(k - 1);
                if (_words.Near.Contains(h2)) flags |= PlaceFlags.Near;
                // "60km west of Erbil": a distance and a direction make the place a reference point only.
                if (k - 2 >= start && _words.Near.Contains(doc.TokenHash(k - 2))) flags |= PlaceFlags.Near;
                if (k - 2 >= start && _words.Distances.Contains(doc.TokenHash(k - 2))) flags |= PlaceFlags.Reference;
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
