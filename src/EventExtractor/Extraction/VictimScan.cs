using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Who suffered, read from the person nouns around a trigger (six tokens either side, within the sentence), in
/// one pass: civilians ("two farmers"), soldiers and fighters or the places that mean them ("a checkpoint"), or
/// just people. Nouns inside the agent's own phrase ("army soldiers killed ...") do not count as its victims
/// where that matters.
/// </summary>
internal readonly record struct VictimScan(bool Civilians, bool ArmedPeople, bool ArmedPeopleBesideAgent, bool PeopleBesideAgent)
{
    /// <summary>Tokens either side of the trigger that are searched.</summary>
    public const int Reach = 6;

    /// <summary>"people", "residents" near the trigger, with no soldiers or fighters among them.</summary>
    public bool OnlyUnarmedPeopleBesideAgent => PeopleBesideAgent && !ArmedPeopleBesideAgent;

    /// <summary>Scans the person nouns around <paramref name="trigger"/> in [start, end); <paramref name="agent"/> is an entity index or -1.</summary>
    public static VictimScan Around(Document doc, ExtractionKnowledge knowledge, EntitySpan trigger, int start, int end, int agent)
    {
        bool civilians = false, armed = false, armedBeside = false, people = false;
        for (int k = Math.Max(start, trigger.FirstToken - Reach); k < Math.Min(end, trigger.EndToken + Reach); k++)
        {
            if (!knowledge.PersonNouns.TryGetValue(doc.TokenHash(k), out var g)) continue;
            bool inAgent = agent >= 0 && k >= doc.Entities[agent].FirstToken && k < doc.Entities[agent].EndToken;
            bool isArmed = g is PersonGroup.Security or PersonGroup.Armed or PersonGroup.SecuritySite;
            if (g == PersonGroup.Civilian) civilians = true;
            if (isArmed) armed = true;
            if (inAgent) continue;
            people = true;
            if (isArmed) armedBeside = true;
        }
        return new VictimScan(civilians, armed, armedBeside, people);
    }
}
