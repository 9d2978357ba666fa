using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace EventExtractor.Cli.Report;

/// <summary>
/// Writes the report as one self-contained HTML file: totals, counts, fatalities by month and the map drawn here
/// as SVG (no script needed to see them), and a table that a small script sorts and filters. The file is opened
/// from disk, so its stylesheet and script are inline; its Content-Security-Policy allows exactly those two (by
/// hash) and nothing from anywhere else: the report loads nothing from the network. Every value from the records
/// is HTML-encoded. The same records give the same bytes.
/// </summary>
internal static class ReportHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The HTML of a report; <paramref name="map"/> null leaves the map out.</summary>
    public static string Render(ReportSummary s, WorldMap? map, string title)
    {
        var css = Asset("report.css");
        var js = Asset("report.js");
        var csp = $"default-src 'none'; script-src '{Hash(js)}'; style-src '{Hash(css)}'; img-src data:; base-uri 'none'; form-action 'none'";
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append($"<title>{E(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n");
        b.Append($"<header><h1>{E(title)}</h1><p class=\"sub\">Made by eventextractor report from {s.Events.Count.ToString("N0", Inv)} records.</p></header>\n");

        b.Append("<section class=\"totals\" id=\"totals\">\n");
        Card(b, "events", s.Events.Count.ToString("N0", Inv));
        Card(b, "fatalities", s.Fatalities.ToString("N0", Inv));
        Card(b, "countries", s.ByCountry.Count.ToString("N0", Inv));
        Card(b, "articles", s.Articles.ToString("N0", Inv));
        Card(b, "dates", s.First is { } f ? $"{f:yyyy-MM-dd} – {s.Last:yyyy-MM-dd}" : "none");
        b.Append("</section>\n");

        b.Append("<section class=\"charts\">\n");
        if (map != null) Map(b, s, map);
        Timeline(b, s);
        b.Append("</section>\n");

        b.Append("<section class=\"counts\">\n");
        Counts(b, "By sub-event type", "by-type", s.BySubEventType);
        Counts(b, "By country", "by-country", s.ByCountry);
        Counts(b, "By actor", "by-actor", s.ByActor);
        Counts(b, "By month", "by-month", s.Months.Where(m => m.Events > 0).Select(m => (m.Month, m.Events)).Reverse().ToList());
        b.Append("</section>\n");

        Table(b, s);
        b.Append($"<script>{js}</script>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void Card(StringBuilder b, string label, string value) =>
        b.Append($"<div class=\"card\"><span class=\"value\">{E(value)}</span><span class=\"label\">{E(label)}</span></div>\n");

    private static void Map(StringBuilder b, ReportSummary s, WorldMap map)
    {
        var points = s.Events.Where(e => e.Latitude.HasValue && e.Longitude.HasValue).ToList();
        // The view: the events' extent with a margin (at least 30 by 20 degrees), else the whole world.
        double minLon = -180, maxLon = 180, minLat = -60, maxLat = 85;
        if (points.Count > 0)
        {
            minLon = points.Min(e => e.Longitude!.Value); maxLon = points.Max(e => e.Longitude!.Value);
            minLat = points.Min(e => e.Latitude!.Value); maxLat = points.Max(e => e.Latitude!.Value);
            double padLon = Math.Max(15 - (maxLon - minLon) / 2, 0) + (maxLon - minLon) * 0.15 + 3;
            double padLat = Math.Max(10 - (maxLat - minLat) / 2, 0) + (maxLat - minLat) * 0.15 + 3;
            minLon = Math.Max(-180, minLon - padLon); maxLon = Math.Min(180, maxLon + padLon);
            minLat = Math.Max(-90, minLat - padLat); maxLat = Math.Min(90, maxLat + padLat);
        }
        double x0 = map.X(minLon), y0 = map.Y(maxLat), w = map.X(maxLon) - x0, h = map.Y(minLat) - y0;
        b.Append("<figure class=\"map\" id=\"map\"><figcaption>Events (a point per event, sized by fatalities)</figcaption>\n");
        b.Append(Inv, $"<svg viewBox=\"{x0:0} {y0:0} {w:0} {h:0}\" role=\"img\" aria-label=\"map of the events\">\n");
        b.Append(Inv, $"<rect class=\"sea\" x=\"{x0:0}\" y=\"{y0:0}\" width=\"{w:0}\" height=\"{h:0}\"/>\n<g class=\"land\">\n");
        foreach (var (name, rings) in map.Countries)
            b.Append($"<path d=\"{map.PathData(rings)}\"><title>{E(name)}</title></path>\n");
        b.Append("</g>\n<g class=\"events\">\n");
        double unit = Math.Max(w, h) / 400; // a point's base radius: a fixed share of the view
        foreach (var e in points.OrderByDescending(e => e.Fatalities))
        {
            double r = unit * (1.5 + Math.Sqrt(e.Fatalities) * 0.9);
            var tip = $"{e.Location}, {e.Country} — {e.Date?.ToString("yyyy-MM-dd", Inv) ?? "no date"} — {e.SubEventType}; {e.Fatalities} fatalities";
            b.Append(Inv, $"<circle cx=\"{map.X(e.Longitude!.Value):0.#}\" cy=\"{map.Y(e.Latitude!.Value):0.#}\" r=\"{r:0.##}\"><title>{E(tip)}</title></circle>\n");
        }
        b.Append("</g>\n</svg>\n");
        b.Append(Inv, $"<p class=\"note\">{points.Count.ToString("N0", Inv)} of {s.Events.Count.ToString("N0", Inv)} events have coordinates. Outlines: Natural Earth (public domain).</p></figure>\n");
    }

    private static void Timeline(StringBuilder b, ReportSummary s)
    {
        const int width = 640, height = 240, left = 48, bottom = 28, top = 12;
        b.Append("<figure class=\"timeline\" id=\"timeline\"><figcaption>Fatalities by month</figcaption>\n");
        var months = s.Months;
        b.Append(Inv, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"fatalities by month\">\n");
        if (months.Count == 0)
        {
            b.Append("<text x=\"20\" y=\"40\">no dated events</text></svg></figure>\n");
            return;
        }
        long max = Math.Max(1, months.Max(m => m.Fatalities));
        double plotW = width - left - 8, plotH = height - top - bottom, slot = plotW / months.Count;
        b.Append(Inv, $"<line class=\"axis\" x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 8}\" y2=\"{height - bottom}\"/>\n");
        b.Append(Inv, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{top + 8}\" text-anchor=\"end\">{max}</text>\n");
        b.Append(Inv, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\">0</text>\n");
        int every = Math.Max(1, (int)Math.Ceiling(months.Count / 8.0));
        for (int i = 0; i < months.Count; i++)
        {
            var m = months[i];
            double bh = plotH * m.Fatalities / max, x = left + i * slot;
            b.Append(Inv, $"<rect class=\"bar\" x=\"{x + slot * 0.1:0.##}\" y=\"{height - bottom - bh:0.##}\" width=\"{slot * 0.8:0.##}\" height=\"{bh:0.##}\"><title>{m.Month}: {m.Fatalities} fatalities, {m.Events} events</title></rect>\n");
            if (i % every == 0)
                b.Append(Inv, $"<text class=\"tick\" x=\"{x + slot / 2:0.##}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{m.Month}</text>\n");
        }
        b.Append("</svg></figure>\n");
    }

    private static void Counts(StringBuilder b, string title, string id, IReadOnlyList<(string Name, int Count)> rows)
    {
        b.Append($"<figure class=\"count\" id=\"{id}\"><figcaption>{E(title)}</figcaption><table>\n");
        int max = rows.Count > 0 ? rows.Max(r => r.Count) : 1;
        foreach (var (name, count) in rows.Take(ReportSummary.TopRows))
        {
            double w = 100.0 * count / max;
            b.Append(Inv, $"<tr><td class=\"name\">{E(name)}</td><td class=\"n\">{count}</td><td class=\"bar\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"><rect width=\"{w:0.#}\" height=\"10\"/></svg></td></tr>\n");
        }
        if (rows.Count > ReportSummary.TopRows)
            b.Append(Inv, $"<tr class=\"others\"><td class=\"name\">{rows.Count - ReportSummary.TopRows} others</td><td class=\"n\">{rows.Skip(ReportSummary.TopRows).Sum(r => r.Count)}</td><td></td></tr>\n");
        b.Append("</table></figure>\n");
    }

    private static void Table(StringBuilder b, ReportSummary s)
    {
        b.Append("<section class=\"events-table\"><h2>Events</h2>\n<div class=\"filters\">");
        b.Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter: any text\" aria-label=\"filter the events\">");
        Select(b, "filter-type", "all sub-event types", s.BySubEventType.Select(r => r.Name).Order(StringComparer.Ordinal));
        Select(b, "filter-country", "all countries", s.ByCountry.Select(r => r.Name).Order(StringComparer.Ordinal));
        b.Append(Inv, $"<span id=\"shown\">{s.Events.Count} of {s.Events.Count} events</span></div>\n");
        b.Append("<table id=\"events\"><thead><tr>");
        foreach (var (key, label) in new[] { ("date", "date"), ("type", "sub-event type"), ("actor1", "actor 1"), ("actor2", "actor 2"), ("location", "location"), ("country", "country"), ("fatalities", "fatalities"), ("notes", "notes") })
            b.Append($"<th data-key=\"{key}\"{(key == "fatalities" ? " data-numeric=\"1\"" : "")} tabindex=\"0\">{E(label)}</th>");
        b.Append("</tr></thead>\n<tbody>\n");
        foreach (var e in s.Events)
        {
            b.Append($"<tr data-type=\"{E(e.SubEventType)}\" data-country=\"{E(e.Country)}\">");
            b.Append($"<td>{E(e.Date?.ToString("yyyy-MM-dd", Inv) ?? "")}</td><td>{E(e.SubEventType)}</td><td>{E(e.Actor1)}</td><td>{E(e.Actor2)}</td>");
            b.Append($"<td>{E(e.Location)}{(e.Admin1.Length > 0 && e.Admin1 != e.Location ? ", " + E(e.Admin1) : "")}</td><td>{E(e.Country)}</td>");
            b.Append(Inv, $"<td class=\"n\">{e.Fatalities}</td><td class=\"notes\">{E(e.Notes)}</td></tr>\n");
        }
        b.Append("</tbody></table></section>\n");
    }

    private static void Select(StringBuilder b, string id, string all, IEnumerable<string> values)
    {
        b.Append($"<select id=\"{id}\" aria-label=\"{E(all)}\"><option value=\"\">{E(all)}</option>");
        foreach (var v in values) b.Append($"<option value=\"{E(v)}\">{E(v)}</option>");
        b.Append("</select>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The CSP source of an inline block: 'sha256-' and the base64 of its UTF-8 bytes' hash.</summary>
    public static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("report/" + name)
            ?? throw new InvalidOperationException($"the report asset '{name}' is not built into the program");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // "</" cannot end the inline block early: the assets are ours and never hold "</script" or "</style".
        return reader.ReadToEnd();
    }
}
