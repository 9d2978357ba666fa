using System.Globalization;
using System.Net;
using System.Reflection;
using EventExtractor.Diagnostics;
using EventExtractor.Geo;
using EventExtractor.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Review;

/// <summary>
/// The review page's web server (ASP.NET Core minimal APIs on Kestrel). Serves the page, its script and stylesheet
/// from resources embedded in the program, and a JSON API; every response forbids inline script and anything from
/// elsewhere (Content-Security-Policy), and every save carries an anti-forgery token. Errors are JSON
/// <c>{"error": "..."}</c> with a 4xx status, never a stack trace.
/// </summary>
internal sealed class ReviewServer : IAsyncDisposable
{
    /// <summary>The Content-Security-Policy of every response.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The header that carries the anti-forgery token of a save.</summary>
    public const string TokenHeader = "X-CSRF-TOKEN";

    private const int MaxBodyBytes = 4 << 20;

    private readonly WebApplication _app;

    private ReviewServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on ("http://127.0.0.1:5173/").</summary>
    public string Address { get; }

    /// <summary>Starts a server for <paramref name="session"/> on <paramref name="host"/>:<paramref name="port"/> (0: a free port).</summary>
    public static async Task<ReviewServer> StartAsync(ReviewSession session, IPAddress host, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(host, port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false;
        });
        // Keys in memory: tokens die with the process, and nothing is written to the user's home folder.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = TokenHeader;
            o.Cookie.Name = "eventextractor-review-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        var app = builder.Build();
        bool loopbackOnly = IPAddress.IsLoopback(host);
        app.Use(async (ctx, next) =>
        {
            var headers = ctx.Response.Headers;
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cache-Control"] = "no-store";
            // A page elsewhere that renames its host to 127.0.0.1 (DNS rebinding) must not read the articles.
            if (loopbackOnly && !IsLoopbackHost(ctx.Request.Host.Host))
            {
                await Error(ctx, StatusCodes.Status400BadRequest, Messages.ReviewBadRequest("the Host header does not name this machine"));
                return;
            }
            try
            {
                await next(ctx);
            }
            catch (BadHttpRequestException e)
            {
                if (!ctx.Response.HasStarted) await Error(ctx, e.StatusCode, Messages.ReviewBadRequest(e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!ctx.Response.HasStarted) await Error(ctx, StatusCodes.Status500InternalServerError, Messages.InternalError(e.GetType().Name));
            }
        });
        Map(app, session);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new UsageException(Messages.ReviewCannotListen($"{host}:{port}", e.Message));
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound);
        var shown = IPAddress.IsLoopback(host) && host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "127.0.0.1" : uri.Host;
        return new ReviewServer(app, $"http://{shown}:{uri.Port}/");
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C) or <paramref name="stop"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken stop) => _app.WaitForShutdownAsync(stop);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void Map(WebApplication app, ReviewSession session)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/assets/{name}", (string name) => Asset(name, name.EndsWith(".js", StringComparison.Ordinal)
            ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"));

        app.MapGet("/api/token", (HttpContext ctx, IAntiforgery antiforgery) =>
            Json(new JObject { ["token"] = antiforgery.GetAndStoreTokens(ctx).RequestToken }));

        app.MapGet("/api/meta", () => Json(Meta(session)));

        app.MapGet("/api/articles", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            var filter = ArticleFilter.Parse(q["status"], q["type"], q["country"], q["from"], q["to"]);
            var rows = new JArray();
            int total = 0;
            foreach (var a in session.Articles)
            {
                if (session.Find(a.Article.Id) != a) continue;
                total++;
                var summary = Summary(session, a);
                if (filter.Matches(summary)) rows.Add(summary.ToJson());
            }
            return Json(new JObject { ["total"] = total, ["articles"] = rows });
        });

        app.MapGet("/api/articles/{id}", (string id) =>
        {
            var a = session.Find(id);
            if (a is null) return Error(StatusCodes.Status404NotFound, Messages.ReviewUnknownArticle(id));
            return Json(Detail(session, a));
        });

        app.MapPost("/api/articles/{id}", async (string id, HttpContext ctx, IAntiforgery antiforgery) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                return Error(StatusCodes.Status400BadRequest, Messages.ReviewBadToken);
            }
            var a = session.Find(id);
            if (a is null) return Error(StatusCodes.Status404NotFound, Messages.ReviewUnknownArticle(id));
            JObject body;
            try
            {
                using var reader = new StreamReader(ctx.Request.Body);
                body = JObject.Parse(await reader.ReadToEndAsync());
            }
            catch (JsonException e)
            {
                return Error(StatusCodes.Status400BadRequest, Messages.ReviewBadJson(e.Message));
            }
            if (body["version"] is not JValue { Type: JTokenType.Integer } version)
                return Error(StatusCodes.Status400BadRequest, Messages.ReviewBadRequest("'version' (a whole number) is missing"));
            if (body["records"] is not JArray posted)
                return Error(StatusCodes.Status400BadRequest, Messages.ReviewBadRequest("'records' (a list) is missing"));
            var records = new List<ReviewedRecord>();
            for (int i = 0; i < posted.Count; i++)
            {
                try
                {
                    records.Add(ParseRecord(posted[i], session));
                }
                catch (FormatException e)
                {
                    return Error(StatusCodes.Status400BadRequest, Messages.ReviewBadRecord(i + 1, e.Message));
                }
            }
            try
            {
                var saved = session.Store.Save(a.Article, (int)version, records);
                return Json(new JObject { ["version"] = saved.Version, ["status"] = saved.Status });
            }
            catch (StaleVersionException e)
            {
                return Json(new JObject { ["error"] = e.Message, ["version"] = e.Saved }, StatusCodes.Status409Conflict);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error(StatusCodes.Status500InternalServerError, Messages.ReviewGoldNotWritable(session.Store.Folder, e.Message));
            }
        });

        app.MapGet("/api/actors", (HttpContext ctx) =>
        {
            var q = ((string?)ctx.Request.Query["q"] ?? "").Trim();
            var found = q.Length == 0 ? [] : session.ActorNames
                .Where(n => n.Contains(q, StringComparison.OrdinalIgnoreCase))
                .OrderBy(n => n.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(n => n.Length).Take(20);
            return Json(new JObject { ["actors"] = new JArray(found) });
        });

        app.MapGet("/api/places", (HttpContext ctx) =>
        {
            var q = ((string?)ctx.Request.Query["q"] ?? "").Trim();
            return Json(new JObject { ["places"] = Places(session, q) });
        });

        app.MapFallback((HttpContext ctx) => Error(StatusCodes.Status404NotFound, Messages.ReviewBadRequest($"nothing is at '{ctx.Request.Path}'")));
    }

    private static ReviewedRecord ParseRecord(JToken token, ReviewSession session)
    {
        if (token is not JObject o) throw new FormatException("expected a JSON object");
        var decision = (string?)o["decision"] ?? "";
        if (!ReviewStore.Decisions.Contains(decision))
            throw new FormatException($"'decision' '{decision}' is not one of {string.Join(", ", ReviewStore.Decisions)}");
        var origin = (string?)o["origin"] is "added" ? "added" : (string?)o["origin"] is "gold" ? "gold" : "extracted";
        var record = GoldRecord.Normalize(o["record"], session.Countries, strict: decision is not ("pending" or "rejected"));
        var evidence = new JArray();
        if (o["evidence"] is JArray ev)
            foreach (var e in ev.OfType<JObject>())
            {
                int start = (int?)e["start"] ?? -1, end = (int?)e["end"] ?? -1;
                if (start < 0 || end < start) throw new FormatException("evidence needs 0 <= start <= end");
                evidence.Add(new JObject { ["field"] = (string?)e["field"] ?? "", ["text"] = (string?)e["text"] ?? "", ["start"] = start, ["end"] = end });
            }
        return new ReviewedRecord(decision, origin, record, evidence);
    }

    private static JObject Meta(ReviewSession session) => new()
    {
        ["subEventTypes"] = new JArray(AcledTaxonomy.All.Select(t => new JObject
        {
            ["name"] = AcledTaxonomy.Name(t),
            ["eventType"] = AcledTaxonomy.Name(AcledTaxonomy.EventTypeOf(t)),
            ["disorderType"] = AcledTaxonomy.DisorderType(t),
        })),
        ["interNames"] = new JArray(GoldRecord.InterNames),
        ["countries"] = new JArray(session.Countries.Rows.Select(c => c.Name).Order(StringComparer.Ordinal)),
        ["goldFolder"] = session.Store.Folder,
    };

    private static ArticleSummary Summary(ReviewSession session, ReviewArticle a)
    {
        var review = session.CurrentReview(a);
        var kept = review.Records.Where(r => r.Decision != "rejected").Select(r => r.Record).ToList();
        return new ArticleSummary(a.Article.Id, a.Article.Title ?? FirstLine(a.Article.Text),
            a.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            review.Status, review.Records.Count, review.Records.Count(r => r.Decision == "pending"),
            kept.Select(r => (string?)r["sub_event_type"] ?? "").Where(s => s.Length > 0).Distinct().ToList(),
            kept.Select(r => (string?)r["country"] ?? "").Where(s => s.Length > 0).Distinct().ToList(),
            kept.Select(r => (string?)r["event_date"] ?? "").Where(s => s.Length > 0).Distinct().ToList());
    }

    private static string FirstLine(string text)
    {
        int n = text.IndexOf('\n');
        return (n < 0 ? text : text[..n]).Trim();
    }

    private static JObject Detail(ReviewSession session, ReviewArticle a)
    {
        var review = session.CurrentReview(a);
        var ids = session.Articles.Where(x => session.Find(x.Article.Id) == x).Select(x => x.Article.Id).ToList();
        int at = ids.IndexOf(a.Article.Id);
        return new JObject
        {
            ["id"] = a.Article.Id,
            ["title"] = a.Article.Title ?? "",
            ["text"] = a.Article.Text,
            ["published"] = a.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["source"] = a.Article.Source ?? "",
            ["url"] = a.Article.Url ?? "",
            ["version"] = review.Version,
            ["status"] = review.Status,
            ["previous"] = at > 0 ? ids[at - 1] : null,
            ["next"] = at >= 0 && at + 1 < ids.Count ? ids[at + 1] : null,
            ["goldFile"] = session.Store.GoldPath(a.Article.Id),
            ["records"] = new JArray(review.Records.Select(r => new JObject
            {
                ["decision"] = r.Decision,
                ["origin"] = r.Origin,
                ["record"] = r.Record,
                ["evidence"] = r.Evidence,
            })),
        };
    }

    private static JArray Places(ReviewSession session, string query)
    {
        var result = new JArray();
        if (query.Length == 0) return result;
        var g = session.Gazetteer;
        var ids = g.Candidates(GeoNormalizer.Normalize(query));
        foreach (var entry in ids.Select(g.Get).OrderByDescending(e => e.IsAdmin1Region).ThenByDescending(e => e.Population).Take(15))
        {
            var country = session.Countries.ByIso2(entry.CountryIso2);
            result.Add(new JObject
            {
                ["name"] = entry.Name,
                ["admin1"] = entry.Admin1,
                ["admin2"] = entry.Admin2,
                ["country"] = country?.Name ?? entry.CountryIso2,
                ["latitude"] = entry.Latitude,
                ["longitude"] = entry.Longitude,
                ["region"] = entry.IsAdmin1Region,
                ["population"] = entry.Population,
            });
        }
        return result;
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("review/" + name);
        if (stream is null) return Error(StatusCodes.Status404NotFound, Messages.ReviewBadRequest($"no asset '{name}'"));
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Results.Bytes(memory.ToArray(), contentType);
    }

    private static IResult Json(JToken body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToString(Formatting.None), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static IResult Error(int status, string message) => Json(new JObject { ["error"] = message }, status);

    private static Task Error(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(new JObject { ["error"] = message }.ToString(Formatting.None));
    }
}

/// <summary>What the article list shows of an article, and what its filters look at.</summary>
internal sealed record ArticleSummary(string Id, string Title, string Published, string Status, int Records, int Pending,
    IReadOnlyList<string> Types, IReadOnlyList<string> Countries, IReadOnlyList<string> Dates)
{
    /// <summary>The row as JSON.</summary>
    public JObject ToJson() => new()
    {
        ["id"] = Id, ["title"] = Title, ["published"] = Published, ["status"] = Status, ["records"] = Records,
        ["pending"] = Pending, ["types"] = new JArray(Types), ["countries"] = new JArray(Countries), ["dates"] = new JArray(Dates),
    };
}

/// <summary>The article list's filters: status, sub-event type, country, and a date range over the records' dates.</summary>
internal sealed record ArticleFilter(string? Status, string? Type, string? Country, DateOnly? From, DateOnly? To)
{
    /// <summary>Reads the query's values; empty ones filter nothing.</summary>
    /// <exception cref="BadHttpRequestException">A value is unusable.</exception>
    public static ArticleFilter Parse(string? status, string? type, string? country, string? from, string? to)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        status = Clean(status);
        if (status != null && status is not (ReviewStore.NotReviewed or ReviewStore.Accepted or ReviewStore.Corrected))
            throw new BadHttpRequestException(Messages.ReviewBadFilter("status", status));
        type = Clean(type);
        if (type != null && AcledTaxonomy.ParseSubEvent(type) == SubEventType.None)
            throw new BadHttpRequestException(Messages.ReviewBadFilter("type", type));
        return new ArticleFilter(status, type, Clean(country), Date("from", Clean(from)), Date("to", Clean(to)));
    }

    private static DateOnly? Date(string name, string? value)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new BadHttpRequestException(Messages.ReviewBadFilter(name, value));
    }

    /// <summary>True when the article passes every filter set.</summary>
    public bool Matches(ArticleSummary a)
    {
        if (Status != null && a.Status != Status) return false;
        if (Type != null && !a.Types.Contains(Type, StringComparer.OrdinalIgnoreCase)) return false;
        if (Country != null && !a.Countries.Contains(Country, StringComparer.OrdinalIgnoreCase)) return false;
        if (From is null && To is null) return true;
        foreach (var text in a.Dates)
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && (From is null || d >= From) && (To is null || d <= To)) return true;
        return false;
    }
}
