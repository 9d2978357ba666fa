using EventExtractor.Geo;
using EventExtractor.Lexicons;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>
/// Loads a models folder into what the extraction needs: the lexicon tables (countries, state forces, armed
/// groups, generic actors, weapons, sites), the trigger, cue, calendar, number and person-noun lists, the
/// gazetteer and the government terms for state-force names.
/// </summary>
internal static class KnowledgeLoader
{
    public const string TriggersFile = "triggers.tsv";
    public const string CuesFile = "modality-cues.tsv";
    public const string CalendarFile = "calendar-words.tsv";
    public const string NumbersFile = "number-words.tsv";
    public const string PersonNounsFile = "person-nouns.tsv";
    public const string IdentityGroupsFile = "identity-groups.tsv";
    public const string GrammarWordsFile = "grammar-words.tsv";
    public const string BackgroundCuesFile = "background-cues.tsv";

    /// <summary>Everything loaded from one models folder.</summary>
    public sealed record Loaded(ExtractionKnowledge Knowledge, IPlaceLookup Places, Lexicon Lexicon);

    public static Loaded Load(string modelsDir)
    {
        var gazetteerPath = Path.Combine(modelsDir, Gazetteer.FileName);
        if (!File.Exists(gazetteerPath)) throw new ModelException(Diagnostics.Messages.ModelFileMissing(gazetteerPath));
        // The gazetteer (a gzip stream) loads on another core while the lexicons are indexed: start-up counts in short runs.
        var gazetteer = Task.Run(() => Gazetteer.Load(gazetteerPath));
        var lexicon = Lexicon.Load(modelsDir);
        var knowledge = Build(modelsDir, lexicon);
        // GetResult rethrows the loader's own exception (a ModelException naming the file), not an AggregateException.
        var places = new GazetteerPlaceLookup(gazetteer.GetAwaiter().GetResult());
        return new Loaded(knowledge, places, lexicon);
    }

    private static InterCode Inter(int code) => code is >= 1 and <= 8 ? (InterCode)code : InterCode.None;

    private static string Cased(string phrase, bool caseSensitive) => caseSensitive ? phrase.ToUpperInvariant() : phrase;

    public static ExtractionKnowledge Build(string modelsDir, Lexicon lexicon)
    {
        var actors = new List<(string, ActorEntry)>();
        var forces = lexicon.StateForces;
        foreach (var (phrase, row) in forces.Phrases())
        {
            var e = forces.Entries[row];
            actors.Add((Cased(phrase, forces.IsCaseSensitive(phrase)), new ActorEntry(ActorKind.State, e.Iso3, e.Force, e.Unit, "", InterCode.StateForces, ActorRole.Either)));
        }
        var groups = lexicon.ArmedGroups;
        foreach (var g in groups.Rows)
        {
            // The aliases as written keep their capitals, so "LeT" and "KH" match capitals only, never "let".
            var entry = new ActorEntry(ActorKind.Group, g.Iso3, StateForce.Military, "", g.Name, Inter(g.Inter), ActorRole.Agent) { Family = g.Family };
            foreach (var phrase in g.Aliases.Prepend(g.Family).Prepend(g.Name).Distinct(StringComparer.Ordinal))
                actors.Add((phrase, entry));
        }
        var generic = lexicon.GenericActors;
        foreach (var (phrase, row) in generic.Phrases())
        {
            var g = generic.Rows[row];
            var role = g.Role;
            // "soldiers", "police": the forces of the event's country (no ISO3 until the place is known).
            var entry = g.Inter == 1
                ? new ActorEntry(ActorKind.State, "", g.Actor.StartsWith("Police", StringComparison.Ordinal) ? StateForce.Police : StateForce.Military, "", g.Actor, InterCode.StateForces, role)
                : new ActorEntry(ActorKind.Generic, "", StateForce.Military, "", g.Actor, Inter(g.Inter), role);
            actors.Add((Cased(phrase, generic.IsCaseSensitive(phrase)), entry));
        }
        // A country's own name can act ("Iran retaliated", "US air strikes"): its military.
        var countries = lexicon.Countries;
        foreach (var c in countries.Rows)
        {
            foreach (var name in c.Aliases.Prepend(c.Name))
                actors.Add((name, new ActorEntry(ActorKind.CountryName, c.Iso3, StateForce.Military, "", "", InterCode.StateForces, ActorRole.Agent)));
            // "Russian missiles", "Israeli strike": a demonym acts only right before the weapon or the deed.
            foreach (var adjective in c.Adjectives)
                actors.Add((adjective, new ActorEntry(ActorKind.CountryName, c.Iso3, StateForce.Military, "", "", InterCode.StateForces, ActorRole.Modifier)));
        }

        var grammar = new GrammarWords();
        foreach (var r in TsvReader.Read(Path.Combine(modelsDir, GrammarWordsFile), "word", "class"))
            grammar.Add(r.Required(0), GrammarWords.TryParseClass(r[1], out var c) ? c : throw r.Bad(1, "a word class listed at the top of the file"));
        var weapons = lexicon.Weapons.Rows
            .Select(w => (Cased(w.Phrase, lexicon.Weapons.IsCaseSensitive(LexiconText.Normalize(w.Phrase))),
                new WeaponEntry(w.Weapon, w.Hint) { IsFirearm = grammar.IsPhrase(w.Weapon, WordClass.Firearm) })).ToList();
        var sites = lexicon.Sites.Rows.Select(s => new SiteEntry(s.Phrase, s.Kind, s.Location, s.Iso2, s.Latitude, s.Longitude)).ToList();

        var triggers = TsvReader.Read(Path.Combine(modelsDir, TriggersFile), "phrase", "type", "flags").Select(r =>
        {
            var type = r[1];
            var cls = type switch
            {
                "@attack" => TriggerClass.Attack,
                "@fire" => TriggerClass.Fire,
                "@kill" => TriggerClass.Kill,
                "@explosion" => TriggerClass.Explosion,
                "@wound" => TriggerClass.Wound,
                _ => TriggerClass.Specific,
            };
            var sub = cls == TriggerClass.Specific ? AcledTaxonomy.ParseSubEvent(type) : SubEventType.None;
            if (cls == TriggerClass.Specific && sub == SubEventType.None) throw r.Bad(1, "an ACLED sub-event type or @attack/@fire/@kill/@explosion/@wound");
            var flags = TriggerFlags.None;
            foreach (var f in r.List(2))
                flags |= Enum.TryParse<TriggerFlags>(f, ignoreCase: true, out var tf) && tf != TriggerFlags.None && Enum.IsDefined(tf)
                    ? tf : throw r.Bad(2, "gov, nsa, arson, gunfire, peaceful or party");
            return new TriggerEntry(r[0], sub, cls, flags);
        }).ToList();
        var cues = TsvReader.Read(Path.Combine(modelsDir, CuesFile), "phrase", "effect").Select(r =>
            (r[0], Enum.TryParse<CueEffect>(r[1], ignoreCase: true, out var e) ? e : throw r.Bad(1, "future, negation, generic, blame, claim, denial, source, near or speech"))).ToList();
        var calendar = TsvReader.Read(Path.Combine(modelsDir, CalendarFile), "word", "kind", "value").Select(r => (r[0], r[1] != "cue" ? new CalendarWord(r[1], r[2])
            : new CalendarWord(r[1], r[2]) { Cue = Enum.TryParse<DateCue>(r[2], ignoreCase: true, out var cue) && cue != DateCue.None && Enum.IsDefined(cue) ? cue : throw r.Bad(2, "a date cue: last, this, next, earlier, late, early, mid, in, of, since, beginning or end") })).ToList();
        var numbers = TsvReader.Read(Path.Combine(modelsDir, NumbersFile), "word", "value", "kind").Select(r => (r[0], new NumberWord(r.Int(1), r[2]))).ToList();
        var persons = TsvReader.Read(Path.Combine(modelsDir, PersonNounsFile), "noun", "group").Select(r => (r[0],
            r[1] == "security-site" ? PersonGroup.SecuritySite
            : Enum.TryParse<PersonGroup>(r[1], ignoreCase: true, out var g) && Enum.IsDefined(g) && r[1] != "SecuritySite" ? g
            : throw r.Bad(1, "civilian, security, armed, any or security-site"))).ToList();

        var countryEntries = countries.Rows.Select(c => new CountryEntry(c.Iso3, c.IsoNumeric, c.Iso2, c.Name, c.Region)).ToList();
        var countryPhrases = countries.Phrases().Select(p => (Cased(p.Phrase, countries.IsCaseSensitive(p.Phrase)), p.Row)).ToList();

        var knowledge = new ExtractionKnowledge(actors, weapons, sites, triggers, cues, calendar, numbers, persons, countryEntries, countryPhrases)
        {
            PlaceWords = PlaceWords.Load(Path.Combine(modelsDir, PlaceWords.FileName)),
            Outlets = OutletCountries.Load(Path.Combine(modelsDir, OutletCountries.FileName)),
        };
        knowledge.Grammar = grammar;
        foreach (var r in TsvReader.Read(Path.Combine(modelsDir, BackgroundCuesFile), "phrase", "kind"))
            knowledge.BackgroundCues.Add(LexiconText.Normalize(r.Required(0)),
                Enum.TryParse<BackgroundCueKind>(r[1].Replace("-", ""), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !r[1].Any(char.IsUpper) ? kind
                : throw r.Bad(1, "since, span, long-unit, conflict or relative"));
        foreach (var g in groups.Rows)
            if (g.Family != g.Name && g.Iso3.Length == 3) knowledge.GroupVariants[(g.Family, g.Iso3)] = g.Name;
        foreach (var r in TsvReader.Read(Path.Combine(modelsDir, IdentityGroupsFile), "noun", "label"))
        {
            if (!r[1].Contains("{COUNTRY}")) throw r.Bad(1, "a template containing {COUNTRY}");
            knowledge.IdentityMatcher.Add(r[0], knowledge.IdentityLabels.Count);
            knowledge.IdentityLabels.Add(r[1]);
        }
        return knowledge;
    }
}
