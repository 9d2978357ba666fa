using EventExtractor.Extraction;
using EventExtractor.Geo;
using EventExtractor.Ingestion;
using EventExtractor.Lexicons;
using EventExtractor.Records;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Review;

/// <summary>One article of a review and the records the extractor made of it (evidence included).</summary>
internal sealed record ReviewArticle(int Index, Article Article, IReadOnlyList<AcledRecord> Extracted);

/// <summary>
/// What a review works on: the articles read from the inputs with the extractor's records, the gold folder, and the
/// knowledge the forms offer (countries, actor names from the lexicons, the gazetteer for places).
/// </summary>
internal sealed class ReviewSession
{
    private readonly Dictionary<string, ReviewArticle> _byId;

    /// <summary>Builds a session over articles already extracted.</summary>
    public ReviewSession(IReadOnlyList<ReviewArticle> articles, ReviewStore store, CountryTable countries, Gazetteer gazetteer, IReadOnlyList<string> actorNames)
    {
        Articles = articles;
        Store = store;
        Countries = countries;
        Gazetteer = gazetteer;
        ActorNames = actorNames;
        _byId = new Dictionary<string, ReviewArticle>(StringComparer.Ordinal);
        foreach (var a in articles) _byId.TryAdd(a.Article.Id, a);
    }

    /// <summary>The articles, in input order (the first of two with one id wins).</summary>
    public IReadOnlyList<ReviewArticle> Articles { get; }

    /// <summary>The gold folder.</summary>
    public ReviewStore Store { get; }

    /// <summary>Countries under ACLED's names.</summary>
    public CountryTable Countries { get; }

    /// <summary>The gazetteer, for the place search.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>Actor names to suggest, sorted.</summary>
    public IReadOnlyList<string> ActorNames { get; }

    /// <summary>The article with this id, or null.</summary>
    public ReviewArticle? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Reads and extracts every input article (in parallel, one article per thread; problems go to
    /// <paramref name="warn"/>) and loads what the forms need.
    /// </summary>
    /// <exception cref="Diagnostics.UsageException">No article could be read.</exception>
    public static ReviewSession Load(IReadOnlyList<string> inputs, string goldFolder, string modelsDir, string? modelPath, Action<string> warn)
    {
        var reader = new ArticleReader(new ArticleReaderOptions { HeadlineCues = NoiseCues.FromModels(modelsDir) });
        var read = new List<Article>();
        foreach (var outcome in reader.ReadAll(inputs, null))
        {
            if (outcome.Problem is { } p) warn(p.ToString());
            else if (outcome.Article is { } a) read.Add(a);
        }
        // Before the (slow) model load: inputs without an article are a usage error.
        if (read.Count == 0) throw new Diagnostics.UsageException(Diagnostics.Messages.ReviewNoArticles);
        var engine = ExtractorEngine.Load(modelsDir, modelPath);
        var extracted = new IReadOnlyList<AcledRecord>[read.Count];
        Parallel.For(0, read.Count, i =>
        {
            try { extracted[i] = engine.Extract(read[i]); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                warn($"{read[i].Origin}: {Diagnostics.Messages.ExtractionFailed(e.Message)}");
                extracted[i] = [];
            }
        });
        var articles = read.Select((a, i) => new ReviewArticle(i, a, extracted[i])).ToList();
        var countries = CountryTable.Load(modelsDir);
        var gazetteer = Gazetteer.Load(Path.Combine(modelsDir, Gazetteer.FileName));
        return new ReviewSession(articles, new ReviewStore(goldFolder), countries, gazetteer, ActorSuggestions(modelsDir, countries));
    }

    /// <summary>
    /// Actor names the lexicons know: named armed groups, and for every country the generic actors and state forces
    /// ACLED names after it ("Rioters (Kenya)", "Military Forces of Kenya").
    /// </summary>
    public static IReadOnlyList<string> ActorSuggestions(string modelsDir, CountryTable countries)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(Path.Combine(modelsDir, "armed-groups.tsv"), "name", "inter", "iso3", "aliases"))
            names.Add(row[0].Trim());
        var generic = TsvReader.Read(Path.Combine(modelsDir, "generic-actors.tsv"), "phrase", "actor", "inter", "role")
            .Select(r => r[1].Trim()).Distinct().ToList();
        foreach (var c in countries.Rows)
        {
            foreach (var template in generic) names.Add(template.Replace("{COUNTRY}", c.Name, StringComparison.Ordinal));
            names.Add($"Military Forces of {c.ActorName}");
            names.Add($"Police Forces of {c.ActorName}");
            names.Add($"Government of {c.ActorName}");
        }
        return names.Where(n => n.Length > 0 && !n.Contains('{')).ToList();
    }

    /// <summary>
    /// The review an article has now: the saved one, else gold records already in the folder (as accepted), else the
    /// extractor's records (pending).
    /// </summary>
    public ArticleReview CurrentReview(ReviewArticle article)
    {
        if (Store.Load(article.Article.Id) is { } saved) return saved;
        if (Store.LoadGold(article.Article.Id) is { } gold)
            return new ArticleReview(0, ReviewStore.NotReviewed,
                gold.Select(g => new ReviewedRecord("accepted", "gold", g, new JArray())).ToList());
        return new ArticleReview(0, ReviewStore.NotReviewed, article.Extracted.Select(r =>
            new ReviewedRecord("pending", "extracted", GoldRecord.FromRecord(r),
                new JArray(r.Evidence.Select(e => new JObject { ["field"] = e.Field, ["text"] = e.Text, ["start"] = e.Start, ["end"] = e.End }))))
            .ToList());
    }
}
