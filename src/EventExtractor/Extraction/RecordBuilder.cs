using System.Globalization;
using System.Text;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Writes an assembled event as an ACLED record: actor names and inter codes, interaction, dates and
/// precisions, place columns, weapons, fatalities, notes in ACLED's style, a deterministic event id, and the
/// evidence (offsets into the article) for each field. This is where strings are cut from the document.
/// </summary>
internal sealed class RecordBuilder(ExtractionKnowledge knowledge, Func<string, Lexicons.StateForce, DateOnly, string, string> stateForceName)
{
    private static readonly string[] InterNames =
        ["", "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces"];

    /// <summary>Text name of an inter code (1-8).</summary>
    public static string InterName(int code) => code is >= 1 and <= 8 ? InterNames[code] : "";

    public AcledRecord Build(Document doc, ExtractedEvent e)
    {
        var article = doc.Article;
        var r = new AcledRecord();
        r.ArticleIds[0] = article.Id; // the record's own one-element list: no second list for one id
        var country = e.Place is { } p ? knowledge.CountryOfIso2(p.Iso2) : null;
        var date = e.Day == DateStage.Unresolved ? (DateOnly?)null : DateOnly.FromDayNumber(e.Day);

        r.SubEventType = AcledTaxonomy.Name(e.Type);
        r.EventType = AcledTaxonomy.Name(AcledTaxonomy.EventTypeOf(e.Type));
        r.DisorderType = AcledTaxonomy.DisorderType(e.Type);
        if (date is { } d)
        {
            r.EventDate = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            r.Year = d.Year;
            r.TimePrecision = (int)e.DatePrecision;
        }

        var weapons = r.Weapons;
        Weapons(doc, e, weapons);

        // Actors.
        var (a1, i1) = ActorName(doc, e.Actor1, country, date);
        var (a2, i2) = ActorName(doc, e.Actor2, country, date);
        if ((e.Flags & MentionFlags.UnidentifiedAgent) != 0 && (e.Flags & MentionFlags.Claimed) == 0 && e.Actor1 >= 0
            && knowledge.Actors[doc.Entities[e.Actor1].Ref].Kind == ActorKind.Group)
            (a1, i1) = ("", 0); // only blamed: not the perpetrator
        (a1, i1, a2, i2) = DefaultActors(e, country, date, weapons, a1, i1, a2, i2);
        if (a1 == a2) (a2, i2) = ("", 0);
        // An inter code names an actor: none without one (no country, no name).
        if (a1.Length == 0) i1 = 0;
        if (a2.Length == 0) i2 = 0;
        if (a1.Length == 0 && a2.Length > 0) (a1, i1, a2, i2) = (a2, i2, "", 0);
        r.Actor1 = a1;
        r.Inter1 = InterName(i1);
        // Who the demonstrators or the civilian victims were: "Teachers (Chile)", "Journalists (Iraq)".
        if (country != null)
        {
            if (i1 is 5 or 6) r.AssocActor1 = Identity(doc, e, country);
            else if (i2 == 7) r.AssocActor2 = Identity(doc, e, country);
        }
        r.Actor2 = a2;
        r.Inter2 = InterName(i2);
        r.Interaction = Interaction(i1, i2);
        if (i2 == 7 && AcledTaxonomy.EventTypeOf(e.Type) is EventType.ViolenceAgainstCivilians or EventType.ExplosionsRemoteViolence or EventType.Battles)
            r.CivilianTargeting = "Civilians targeted";

        // Place.
        if (country != null)
        {
            r.Iso = country.IsoNumeric;
            r.Country = country.Name;
            r.Region = country.Region;
        }
        if (e.Place is { } place)
        {
            r.Admin1 = place.Admin1;
            r.Admin2 = place.Admin2;
            r.Location = place.Location;
            if (place.HasCoordinates)
            {
                r.Latitude = Math.Round(place.Latitude, 4);
                r.Longitude = Math.Round(place.Longitude, 4);
            }
            r.GeoPrecision = GeoPrecision(place, e.NearPlace);
        }

        r.Source = string.IsNullOrEmpty(article.Source) ? article.Id : article.Source;
        r.Fatalities = Math.Max(0, e.Fatalities);
        r.Injuries = Math.Max(0, e.Injuries);
        r.Tags = e.Tags.Count == 0 ? "" : string.Join("; ", e.Tags);
        r.Timestamp = article.Published is { } pub ? new DateTimeOffset(pub.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : 0;
        r.Confidence = Math.Round(e.Confidence, 3);
        Evidence(doc, e, r.Evidence);
        r.Notes = Notes(r, e, date);
        r.EventIdCnty = country?.Iso3 ?? "XXX"; // the number is added once the article's events are known (EventIds)
        return r;
    }

    /// <summary>
    /// ACLED's geo_precision: 1 a town or part of one, 2 near a town or a small part of a region (a district),
    /// 3 a larger region (a province, or only the country).
    /// </summary>
    public static int GeoPrecision(PlaceInfo place, bool near) => place.Level switch
    {
        PlaceLevel.District => 2,
        PlaceLevel.Region or PlaceLevel.Country => 3,
        _ => place.IsRegion ? 3 : near ? 2 : 1,
    };

    private (string Name, int Inter) ActorName(Document doc, int entity, CountryEntry? eventCountry, DateOnly? date)
    {
        if (entity < 0) return ("", 0);
        var a = knowledge.Actors[doc.Entities[entity].Ref];
        switch (a.Kind)
        {
            case ActorKind.State:
            case ActorKind.CountryName:
            {
                var iso3 = a.Iso3.Length == 3 ? a.Iso3 : eventCountry?.Iso3 ?? "";
                var state = knowledge.CountryOfIso3(iso3);
                if (state == null) return ("", 0);
                var name = date is { } d ? stateForceName(iso3, a.Force, d, a.Unit) : stateForceName(iso3, a.Force, DateOnly.MaxValue, a.Unit);
                // A state's forces acting outside their own country are External/Other forces.
                int inter = (int)(eventCountry != null && eventCountry.Iso3 != iso3 ? InterCode.ExternalOtherForces : InterCode.StateForces);
                return (name, inter);
            }
            case ActorKind.Group:
                return (a.Name.Replace("{COUNTRY}", eventCountry?.Name ?? ""), (int)a.Inter);
            default:
                if (eventCountry == null) return ("", 0);
                return (a.Name.Replace("{COUNTRY}", eventCountry.Name), (int)a.Inter);
        }
    }

    /// <summary>Who ACLED codes when the text names nobody: unknown perpetrators, the crowd, the victims.</summary>
    private (string, int, string, int) DefaultActors(ExtractedEvent e, CountryEntry? country, DateOnly? date, List<string> weapons, string a1, int i1, string a2, int i2)
    {
        string C(string template) => country == null ? "" : template.Replace("{COUNTRY}", country.Name);
        var type = e.Type;
        switch (AcledTaxonomy.EventTypeOf(type))
        {
            case EventType.Protests:
                // The marchers themselves ("teachers", "students") are the protesters, not their victims.
                if (i2 == 7) (a2, i2) = ("", 0);
                if (i1 == 7) (a1, i1) = ("", 0);
                if (i2 == 6 && i1 is 1 or 8) (a1, i1, a2, i2) = (a2, i2, a1, i1); // "police fired tear gas at protesters"
                if (i1 != 6)
                {
                    // The state that intervenes is actor2 of a protest; protesters act.
                    if (i1 == 1 && i2 == 0) (a2, i2) = (a1, i1);
                    (a1, i1) = (C("Protesters ({COUNTRY})"), 6);
                }
                if (type == SubEventType.ExcessiveForceAgainstProtesters && i2 != 0 && i2 != 6)
                {
                    // Excessive force: the force that fired is actor1, the protesters actor2.
                    (a1, i1, a2, i2) = (a2, i2, a1, i1);
                }
                break;
            case EventType.Riots:
                if (i2 == 7 && type == SubEventType.ViolentDemonstration) (a2, i2) = ("", 0);
                if (i2 == 5 && i1 is 1 or 8) (a1, i1, a2, i2) = (a2, i2, a1, i1);
                if (i1 != 5 && i1 != 6 && type == SubEventType.ViolentDemonstration)
                {
                    if (i2 == 0 && i1 != 0) (a2, i2) = (a1, i1);
                    (a1, i1) = (C("Rioters ({COUNTRY})"), 5);
                }
                else if (i1 == 0) (a1, i1) = (C("Rioters ({COUNTRY})"), 5);
                break;
            case EventType.ViolenceAgainstCivilians:
                if (i1 == 0 || i1 == 7) (a1, i1) = (C("Unidentified Armed Group ({COUNTRY})"), 3);
                if (i2 == 0 || i2 != 7) (a2, i2) = (C("Civilians ({COUNTRY})"), 7);
                break;
            case EventType.ExplosionsRemoteViolence:
            case EventType.Battles:
                // Air strikes with no named author are the state's: armed groups rarely fly aircraft.
                if (i1 == 0 && type == SubEventType.AirDroneStrike && country != null && !OnlyDrones(weapons))
                    (a1, i1) = (stateForceName(country.Iso3, Lexicons.StateForce.Military, date ?? DateOnly.MaxValue, ""), 1);
                if (i1 == 0) (a1, i1) = (C("Unidentified Armed Group ({COUNTRY})"), 3);
                if (i2 == 0 && (e.Flags & MentionFlags.CivilianVictims) != 0 && e.Fatalities > 0) (a2, i2) = (C("Civilians ({COUNTRY})"), 7);
                break;
            case EventType.StrategicDevelopments:
                // Undated: the government in office now names the forces (as for named state actors).
                if (type == SubEventType.Arrests && i1 == 0 && country != null)
                    (a1, i1) = (stateForceName(country.Iso3, Lexicons.StateForce.Police, date ?? DateOnly.MaxValue, ""), 1);
                if (type == SubEventType.DisruptedWeaponsUse)
                {
                    // The side that intercepts, defuses or seizes acts (actor1, by default the country's forces);
                    // the side whose weapon it was is actor2.
                    if (i1 is 2 or 3 or 4 && i2 is 0 or 1 or 8) (a1, i1, a2, i2) = (a2, i2, a1, i1);
                    if (i1 == 0 && country != null) (a1, i1) = (stateForceName(country.Iso3, Lexicons.StateForce.Military, date ?? DateOnly.MaxValue, ""), 1);
                }
                break;
        }
        return (a1, i1, a2, i2);
    }

    private string Identity(Document doc, ExtractedEvent e, CountryEntry country)
    {
        var labels = new List<string>();
        var matches = new List<PhraseMatch>();
        foreach (var mi in e.Mentions)
        {
            var s = doc.Sentences[doc.Mentions[mi].Sentence];
            // Words are in token order: the sentence's words by two binary searches, not a scan of the article.
            int from = FirstWordAt(doc.Words, s.FirstToken), to = FirstWordAt(doc.Words, s.FirstToken + s.TokenCount);
            if (from >= to) continue;
            matches.Clear();
            knowledge.IdentityMatcher.Match(doc.Words, from, to, wholeTokens: true, matches);
            int trigger = doc.Mentions[mi].TriggerEntity;
            foreach (var m in matches)
            {
                // Near the verb: "killing two farmers", "teachers marched" — not the bombers elsewhere in the sentence.
                if (trigger >= 0 && Math.Abs(m.FirstToken - doc.Entities[trigger].FirstToken) > 6) continue;
                var label = knowledge.IdentityLabels[m.Entry].Replace("{COUNTRY}", country.Name);
                if (!labels.Contains(label)) labels.Add(label);
            }
        }
        return string.Join("; ", labels.Take(2));
    }

    private static int FirstWordAt(MatchWord[] words, int token)
    {
        int lo = 0, hi = words.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (words[mid].Token < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool OnlyDrones(List<string> weapons) =>
        weapons.Count > 0 && weapons.All(w => w.Contains("drone", StringComparison.OrdinalIgnoreCase));

    /// <summary>ACLED's text interaction: both inter names, lower code first, or "X only" for one-sided events.</summary>
    public static string Interaction(int i1, int i2)
    {
        if (i1 == 0 && i2 == 0) return "";
        if (i1 == 0 || i2 == 0) return InterName(Math.Max(i1, i2)) + " only";
        var (lo, hi) = i1 <= i2 ? (i1, i2) : (i2, i1);
        return InterName(lo) + "-" + InterName(hi);
    }

    private void Weapons(Document doc, ExtractedEvent e, List<string> names)
    {
        foreach (var mi in e.Mentions)
        {
            var s = doc.Sentences[doc.Mentions[mi].Sentence];
            // Entities are sorted by first token (the mention stage sorts them): start at the sentence's first.
            for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < s.FirstToken + s.TokenCount; i++)
            {
                var ent = doc.Entities[i];
                if (ent.Label != EntityLabel.Weapon) continue;
                var name = knowledge.Weapons[ent.Ref].Name;
                if (!names.Contains(name)) names.Add(name);
            }
        }
        if (names.Count < 2) return;
        // "Katyusha rocket" says "rocket" already.
        Span<bool> said = names.Count <= 64 ? stackalloc bool[names.Count] : new bool[names.Count];
        for (int i = 0; i < names.Count; i++)
            foreach (var o in names)
                if (o != names[i] && EndsWithWord(o, names[i])) { said[i] = true; break; }
        int kept = 0;
        for (int i = 0; i < names.Count; i++)
            if (!said[i]) names[kept++] = names[i];
        names.RemoveRange(kept, names.Count - kept);
    }

    /// <summary><paramref name="name"/> ends with " " and <paramref name="word"/> (ignoring case).</summary>
    private static bool EndsWithWord(string name, string word) =>
        name.Length > word.Length && name[^(word.Length + 1)] == ' ' && name.AsSpan(name.Length - word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Evidence items kept per field: a long article can repeat a place or an actor thousands of times, and the
    /// first reports say as much as all of them.
    /// </summary>
    public const int MaxEvidencePerField = 10;

    private static void Evidence(Document doc, ExtractedEvent e, List<Evidence> evidence)
    {
        // Gathered in a reused list and handed over at once: the record's list gets its exact size.
        var list = t_evidence ??= new List<Evidence>();
        list.Clear();
        // Offsets are given in code points (as export gives them), not in the UTF-16 units of the string.
        var offsets = CodePointIndex.Of(doc.Text);
        // The UTF-16 start of each item of the list, for the (field, start) duplicate check: the lists are short
        // (at most MaxEvidencePerField per field), so a scan beats a set and a dictionary per record.
        var starts = t_evidenceStarts ??= new List<int>();
        starts.Clear();
        void AddRange(string field, int start, int end)
        {
            int n = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (!ReferenceEquals(list[i].Field, field) && list[i].Field != field) continue;
                if (starts[i] == start) return;
                n++;
            }
            if (n >= MaxEvidencePerField) return;
            list.Add(new Evidence(field, doc.Text[start..end], offsets(start), offsets(end)));
            starts.Add(start);
        }
        void Add(string field, int entity)
        {
            if (entity < 0) return;
            var s = doc.Entities[entity];
            var (start, end) = doc.CharRange(s.FirstToken, s.TokenCount);
            AddRange(field, start, end);
        }
        foreach (var mi in e.Mentions)
        {
            var m = doc.Mentions[mi];
            Add("sub_event_type", m.TriggerEntity);
        }
        Add("event_date", e.DateEntity);
        Add("location", e.PlaceEntity);
        Add("actor1", e.Actor1);
        Add("actor2", e.Actor2);
        foreach (var mi in e.Mentions)
        {
            var m = doc.Mentions[mi];
            if (m.Fatalities > 0 || m.Injuries > 0)
            {
                var s = doc.Sentences[m.Sentence];
                AddRange(m.Fatalities > 0 ? "fatalities" : "injuries", s.Start, s.End);
            }
        }
        evidence.AddRange(list);
        list.Clear(); // no article text held by the thread between records
    }

    [ThreadStatic] private static List<Evidence>? t_evidence;

    [ThreadStatic] private static List<int>? t_evidenceStarts;

    /// <summary>
    /// The note, written into one reused builder: "On 9 March 2023, gunmen attacked civilians using rifles in X (Y).
    /// 3 fatalities." (<paramref name="date"/> is the record's date, already formatted into its event_date).
    /// </summary>
    private static string Notes(AcledRecord r, ExtractedEvent e, DateOnly? date)
    {
        var sb = t_notes ??= new StringBuilder(256);
        sb.Clear();
        var inv = CultureInfo.InvariantCulture;
        if (date is { } d)
        {
            if (r.TimePrecision == 1) sb.Append(inv, $"On {d:d MMMM yyyy}");
            else if (r.TimePrecision == 2) sb.Append(inv, $"Around {d:d MMMM yyyy} (week of)");
            else sb.Append(inv, $"In {d:MMMM yyyy}");
        }
        else sb.Append("On an unknown date");
        sb.Append(", ");

        var who = r.Actor1.Length > 0 ? Lower(r.Actor1) : "unidentified actors";
        // The victim or opponent, or null: a clause that has one reads " with X", else its own default words.
        string? whom = r.Actor2.Length > 0 ? Lower(r.Actor2) : null;
        void Whom(StringBuilder b, string before, string otherwise)
        {
            if (whom is null) b.Append(otherwise);
            else b.Append(before).Append(' ').Append(whom);
        }
        switch (e.Type)
        {
            case SubEventType.ArmedClash: sb.Append(who).Append(" clashed with"); Whom(sb, "", " an armed group"); break;
            case SubEventType.GovernmentRegainsTerritory: sb.Append(who).Append(" regained control of territory"); Whom(sb, " from", ""); break;
            case SubEventType.NonStateActorOvertakesTerritory: sb.Append(who).Append(" took control of territory"); Whom(sb, " from", ""); break;
            case SubEventType.PeacefulProtest: sb.Append(who).Append(" held a protest"); break;
            case SubEventType.ProtestWithIntervention: sb.Append(who).Append(" protested and"); Whom(sb, "", " the authorities"); sb.Append(" intervened"); break;
            case SubEventType.ExcessiveForceAgainstProtesters: sb.Append(who).Append(" used force against"); Whom(sb, "", " protesters"); break;
            case SubEventType.ViolentDemonstration: sb.Append(who).Append(" rioted"); break;
            case SubEventType.MobViolence: sb.Append("a mob attacked"); Whom(sb, "", " people"); break;
            case SubEventType.AirDroneStrike: sb.Append(who).Append(" carried out an air or drone strike"); Whom(sb, " on", ""); break;
            case SubEventType.ShellingArtilleryMissileAttack:
                sb.Append(who).Append(" fired");
                if (r.Weapons.Count > 0)
                {
                    sb.Append(' ');
                    for (int i = 0; i < r.Weapons.Count; i++)
                    {
                        if (i > 0) sb.Append(" and ");
                        var w = r.Weapons[i];
                        AppendWeaponWord(sb, w);
                        if (!w.EndsWith('s')) sb.Append('s'); // the plural (the weapon word ends as its name does)
                    }
                }
                else sb.Append(" projectiles");
                Whom(sb, " at", "");
                break;
            case SubEventType.RemoteExplosiveLandmineIed: sb.Append("an explosive device detonated"); Whom(sb, ", targeting", ""); break;
            case SubEventType.SuicideBomb: sb.Append("a suicide bomber attacked"); Whom(sb, "", ""); break;
            case SubEventType.Grenade: sb.Append(who).Append(" threw a grenade"); Whom(sb, " at", ""); break;
            case SubEventType.ChemicalWeapon: sb.Append(who).Append(" used a chemical weapon"); Whom(sb, " against", ""); break;
            case SubEventType.Attack: sb.Append(who).Append(" attacked"); Whom(sb, "", " civilians"); break;
            case SubEventType.AbductionForcedDisappearance: sb.Append(who).Append(" abducted"); Whom(sb, "", " people"); break;
            case SubEventType.SexualViolence: sb.Append(who).Append(" committed sexual violence against"); Whom(sb, "", " civilians"); break;
            case SubEventType.Arrests: sb.Append(who).Append(" arrested"); Whom(sb, "", " people"); break;
            case SubEventType.DisruptedWeaponsUse:
                sb.Append(who);
                if (r.Weapons.Count > 0)
                {
                    sb.Append(" disrupted an attack");
                    AppendWeapons(sb, r.Weapons);
                }
                else sb.Append(" disrupted weapons use");
                Whom(sb, " by", "");
                break;
            case SubEventType.LootingPropertyDestruction: sb.Append(who).Append(" looted or destroyed property"); break;
            case SubEventType.Agreement: sb.Append(who).Append(" reached an agreement"); Whom(sb, " with", ""); break;
            case SubEventType.ChangeToGroupActivity: sb.Append(who).Append(" changed its activity"); break;
            case SubEventType.HeadquartersOrBaseEstablished: sb.Append(who).Append(" established a base"); break;
            case SubEventType.NonViolentTransferOfTerritory: sb.Append(who).Append(" took over territory without fighting"); break;
            default: sb.Append(who).Append(" were involved in an event"); break;
        }
        if (e.Type is not (SubEventType.ShellingArtilleryMissileAttack or SubEventType.DisruptedWeaponsUse)) AppendWeapons(sb, r.Weapons);

        if (r.Location.Length > 0)
        {
            sb.Append(r.GeoPrecision == 2 ? " near " : " in ").Append(r.Location);
            if (r.Admin1.Length > 0 && r.Admin1 != r.Location) sb.Append(" (").Append(r.Admin1).Append(')');
        }
        else if (r.Country.Length > 0) sb.Append(" in ").Append(r.Country);
        sb.Append('.');

        switch (r.Fatalities)
        {
            case 0 when r.Injuries > 0: sb.Append(' ').Append(r.Injuries).Append(" injured."); break;
            case 0: sb.Append(" No fatalities reported."); break;
            case 1: sb.Append(" 1 fatality"); break;
            default: sb.Append(' ').Append(r.Fatalities).Append(" fatalities"); break;
        }
        if (r.Fatalities > 0) sb.Append(r.Injuries > 0 ? "; " : ".");
        if (r.Fatalities > 0 && r.Injuries > 0) sb.Append(r.Injuries).Append(" injured.");
        return sb.ToString();
    }

    [ThreadStatic] private static StringBuilder? t_notes;

    /// <summary>" using X and Y" for the record's weapons; nothing without any.</summary>
    private static void AppendWeapons(StringBuilder sb, List<string> weapons)
    {
        for (int i = 0; i < weapons.Count; i++)
        {
            sb.Append(i == 0 ? " using " : " and ");
            AppendWeaponWord(sb, weapons[i]);
        }
    }

    /// <summary>How a note names an actor: generic actors in plain words, named ones as ACLED names them.</summary>
    private static string Lower(string actor)
    {
        if (actor.StartsWith("Unidentified Armed Group", StringComparison.Ordinal)) return "an unidentified armed group";
        if (actor.StartsWith("Civilians", StringComparison.Ordinal)) return "civilians";
        if (actor.StartsWith("Protesters", StringComparison.Ordinal)) return "protesters";
        if (actor.StartsWith("Rioters", StringComparison.Ordinal)) return "rioters";
        return actor;
    }

    /// <summary>A weapon in running text: "rocket", "Katyusha rocket", "IED" (acronyms and names keep their capitals).</summary>
    private static void AppendWeaponWord(System.Text.StringBuilder sb, string weapon)
    {
        if (weapon.Length > 1 && char.IsUpper(weapon[0]) && char.IsLower(weapon[1]) && !weapon.Contains(' '))
            sb.Append(char.ToLowerInvariant(weapon[0])).Append(weapon, 1, weapon.Length - 1);
        else sb.Append(weapon);
    }

    /// <summary>The key an event's id is derived from: its type, day, place and actors.</summary>
    public static string EventKey(AcledRecord r) =>
        string.Join(EventIds.KeySeparator, r.SubEventType, r.EventDate, r.Location, r.Actor1, r.Actor2);

    /// <summary>Whether two records have the same <see cref="EventKey"/>, without building the keys.</summary>
    public static bool SameEventKey(AcledRecord a, AcledRecord b)
    {
        if (a.SubEventType == b.SubEventType && a.EventDate == b.EventDate && a.Location == b.Location
            && a.Actor1 == b.Actor1 && a.Actor2 == b.Actor2) return true;
        // Parts without the separator join into different keys when they differ; with it, only the keys can tell.
        return (HasSeparator(a) || HasSeparator(b)) && EventKey(a) == EventKey(b);
    }

    private static bool HasSeparator(AcledRecord r)
    {
        char separator = EventIds.KeySeparator[0];
        return r.SubEventType.Contains(separator) || r.EventDate.Contains(separator) || r.Location.Contains(separator)
               || r.Actor1.Contains(separator) || r.Actor2.Contains(separator);
    }
}
