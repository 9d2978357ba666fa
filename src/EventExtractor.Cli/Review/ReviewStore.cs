using EventExtractor.Ingestion;
using EventExtractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Review;

/// <summary>A record under review: the decision taken on it, the record itself (gold keys) and its evidence.</summary>
internal sealed record ReviewedRecord(string Decision, string Origin, JObject Record, JArray Evidence);

/// <summary>What is saved of one article's review: its version (one more at each save), status and records.</summary>
internal sealed record ArticleReview(int Version, string Status, IReadOnlyList<ReviewedRecord> Records);

/// <summary>
/// The gold folder the review writes, laid out like corpus/ so that train and eval read it as they read the corpus:
/// <list type="bullet">
/// <item><c>articles/&lt;id&gt;.json</c>: the article (id, title, published, source, url, text);</item>
/// <item><c>gold/&lt;id&gt;.jsonl</c>: its accepted, corrected and added records in the gold format (empty: no event),
/// written once no record of the article is left pending;</item>
/// <item><c>review/&lt;id&gt;.json</c>: the review itself (version, status, every record with its decision and
/// evidence, rejected ones too), so the work can stop and go on later.</item>
/// </list>
/// Every file is written to a temporary name and renamed over the old one. A save names the version it was based on;
/// when another save came first the save is refused (<see cref="StaleVersionException"/>), so two tabs on one article
/// never overwrite each other silently.
/// </summary>
internal sealed class ReviewStore
{
    /// <summary>Decisions a record can carry.</summary>
    public static readonly string[] Decisions = ["pending", "accepted", "corrected", "rejected", "added"];

    /// <summary>Article statuses.</summary>
    public const string NotReviewed = "not reviewed", Accepted = "accepted", Corrected = "corrected";

    private readonly object _gate = new();

    /// <summary>Opens (and creates) a gold folder.</summary>
    public ReviewStore(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(ArticlesFolder);
        Directory.CreateDirectory(GoldFolder);
        Directory.CreateDirectory(ReviewFolder);
    }

    /// <summary>The gold folder.</summary>
    public string Folder { get; }

    private string ArticlesFolder => Path.Combine(Folder, "articles");
    private string GoldFolder => Path.Combine(Folder, "gold");
    private string ReviewFolder => Path.Combine(Folder, "review");

    /// <summary>The gold file of an article.</summary>
    public string GoldPath(string id) => Path.Combine(GoldFolder, FileName(id) + ".jsonl");

    private string ReviewPath(string id) => Path.Combine(ReviewFolder, FileName(id) + ".json");
    private string ArticlePath(string id) => Path.Combine(ArticlesFolder, FileName(id) + ".json");

    /// <summary>An id as a file name: path separators and other unsafe characters become '_'.</summary>
    public static string FileName(string id)
    {
        var chars = id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var name = new string(chars).Trim('.');
        return name.Length == 0 ? "_" : name;
    }

    /// <summary>The saved review of an article, or null when it was never saved.</summary>
    public ArticleReview? Load(string id)
    {
        var path = ReviewPath(id);
        if (!File.Exists(path)) return null;
        var o = JObject.Parse(File.ReadAllText(path));
        var records = ((JArray?)o["records"] ?? []).OfType<JObject>()
            .Select(r => new ReviewedRecord((string?)r["decision"] ?? "pending", (string?)r["origin"] ?? "extracted",
                r["record"] as JObject ?? new JObject(), r["evidence"] as JArray ?? new JArray()))
            .ToList();
        return new ArticleReview((int?)o["version"] ?? 0, (string?)o["status"] ?? NotReviewed, records);
    }

    /// <summary>Gold records already in the folder for an article (from an earlier review without a review file).</summary>
    public IReadOnlyList<JObject>? LoadGold(string id)
    {
        var path = GoldPath(id);
        if (!File.Exists(path)) return null;
        return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(JObject.Parse).ToList();
    }

    /// <summary>The status of a review: pending records left, or all accepted, or something changed.</summary>
    public static string StatusOf(IReadOnlyList<ReviewedRecord> records, bool saved)
    {
        if (!saved || records.Any(r => r.Decision == "pending")) return NotReviewed;
        return records.All(r => r.Decision == "accepted") ? Accepted : Corrected;
    }

    /// <summary>
    /// Saves an article's review if <paramref name="basedOn"/> is the version saved now; returns the new review.
    /// Writes the article and its gold file when no record is pending.
    /// </summary>
    /// <exception cref="StaleVersionException">Another save came first.</exception>
    public ArticleReview Save(Article article, int basedOn, IReadOnlyList<ReviewedRecord> records)
    {
        lock (_gate)
        {
            int current = Load(article.Id)?.Version ?? 0;
            if (basedOn != current) throw new StaleVersionException(article.Id, basedOn, current);
            var review = new ArticleReview(current + 1, StatusOf(records, saved: true), records);
            if (review.Status != NotReviewed)
            {
                WriteAtomically(ArticlePath(article.Id), w => w.Write(ArticleJson(article)));
                WriteAtomically(GoldPath(article.Id), w =>
                {
                    foreach (var r in records.Where(r => r.Decision is "accepted" or "corrected" or "added"))
                        w.WriteLine(GoldLine(r.Record));
                });
            }
            // The review file last: its version is what a later save is checked against.
            WriteAtomically(ReviewPath(article.Id), w => w.Write(ReviewJson(review)));
            return review;
        }
    }

    /// <summary>One gold line: the gold keys in the corpus's order.</summary>
    public static string GoldLine(JObject record)
    {
        var o = new JObject();
        foreach (var key in GoldRecord.Keys) o[key] = record[key]?.DeepClone() ?? JValue.CreateNull();
        return o.ToString(Formatting.None);
    }

    /// <summary>The article in the corpus's format: the body without the headline line the reader put before it.</summary>
    public static string ArticleJson(Article article)
    {
        var body = article.Text;
        if (article.Title is { } title && body.StartsWith(title + "\n\n", StringComparison.Ordinal)) body = body[(title.Length + 2)..];
        var o = new JObject { ["id"] = article.Id };
        if (article.Title != null) o["title"] = article.Title;
        if (article.Published is { } p) o["published"] = p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (article.Source != null) o["source"] = article.Source;
        if (article.Url != null) o["url"] = article.Url;
        o["text"] = body;
        return o.ToString(Formatting.Indented) + "\n";
    }

    private static string ReviewJson(ArticleReview review)
    {
        var o = new JObject
        {
            ["version"] = review.Version,
            ["status"] = review.Status,
            ["records"] = new JArray(review.Records.Select(r => new JObject
            {
                ["decision"] = r.Decision,
                ["origin"] = r.Origin,
                ["record"] = r.Record,
                ["evidence"] = r.Evidence,
            })),
        };
        return o.ToString(Formatting.Indented) + "\n";
    }

    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        using var file = new AtomicFileWriter(path);
        write(file.Writer);
        file.Commit();
    }
}

/// <summary>A save based on a version that is no longer the saved one.</summary>
internal sealed class StaleVersionException(string id, int yours, int saved)
    : Exception(Diagnostics.Messages.ReviewStaleVersion(id, yours, saved))
{
    /// <summary>The version saved now.</summary>
    public int Saved { get; } = saved;
}
