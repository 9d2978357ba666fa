namespace EventExtractor.Lexicons;

/// <summary>All lexicon tables of a models folder, loaded together (countries first: the others refer to it).</summary>
internal sealed class Lexicon
{
    private Lexicon(string dir)
    {
        Countries = CountryTable.Load(dir);
        Terms = GovernmentTerms.Load(dir, Countries);
        StateForces = StateForceTable.Load(dir, Countries);
        ArmedGroups = ArmedGroupTable.Load(dir, Countries);
        GenericActors = GenericActorTable.Load(dir);
        Weapons = WeaponTable.Load(dir);
        Sites = SiteTable.Load(dir, Countries);
    }

    public CountryTable Countries { get; }
    public GovernmentTerms Terms { get; }
    public StateForceTable StateForces { get; }
    public ArmedGroupTable ArmedGroups { get; }
    public GenericActorTable GenericActors { get; }
    public WeaponTable Weapons { get; }
    public SiteTable Sites { get; }

    /// <summary>Loads every table; throws <see cref="Models.ModelException"/> naming the file and line of a bad row.</summary>
    public static Lexicon Load(string modelsDir) => new(modelsDir);
}
