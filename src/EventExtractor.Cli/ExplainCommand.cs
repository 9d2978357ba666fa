using System.CommandLine;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Text;

namespace EventExtractor.Cli;

/// <summary>
/// <c>eventextractor explain INPUT...</c>: shows, sentence by sentence, what the extractor saw (paragraph kinds,
/// entities, event mentions), so a user can see why an event was or was not coded.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files or folders of articles.", Arity = ArgumentArity.OneOrMore };
        var models = new Option<string?>("--models") { Description = "Models folder.", HelpName = "DIR" };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) when the article gives none.", HelpName = "DATE" };
        var command = new Command("explain", "Show the sentences, entities and event mentions the extractor finds in articles.") { inputs, models, published };
        command.SetAction(parse =>
        {
            var modelsDir = ModelDirectory.Locate(parse.GetValue(models));
            var engine = ExtractorEngine.Load(modelsDir);
            var reader = new ArticleReader(engine.Models.ReaderOptions(ExtractCommand.ParsePublished(parse.GetValue(published))));
            bool rejected = false;
            foreach (var outcome in reader.ReadAll(parse.GetValue(inputs) ?? [], context.Stdin))
            {
                if (outcome.Problem is { } p)
                {
                    context.Stderr.WriteLine(p);
                    rejected = true;
                    continue;
                }
                Explain(engine, outcome.Article!, context.Stdout);
            }
            return rejected ? ExitCodes.SomeInputsRejected : ExitCodes.Success;
        });
        return command;
    }

    private static void Explain(ExtractorEngine engine, Article article, TextWriter o)
    {
        var doc = engine.Analyse(article);
        var context = engine.Pipeline.Stages.OfType<EventContextStage>().FirstOrDefault();
        o.WriteLine($"# {article.Id} published={article.Published?.ToString("yyyy-MM-dd") ?? "?"} ({article.PublishedFrom})");
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            int p = doc.ParagraphAt(sentence.Start);
            var kind = p >= 0 ? doc.Paragraphs[p].Kind.ToString() : "?";
            o.WriteLine($"[{s}] ({kind}) {doc.Text[sentence.Start..sentence.End]}");
            foreach (var e in doc.Entities)
            {
                if (e.FirstToken < sentence.FirstToken || e.FirstToken >= sentence.FirstToken + sentence.TokenCount) continue;
                var extra = e.Label switch
                {
                    EntityLabel.Place => $" -> {doc.Places[e.Ref].Location} ({doc.Places[e.Ref].Iso2}) {(PlaceFlags)e.Value}",
                    EntityLabel.Date => $" -> {(e.Ref >= 0 ? DateOnly.FromDayNumber(e.Ref).ToString("yyyy-MM-dd") : "?")} p{e.Value}",
                    _ => $" #{e.Ref}",
                };
                o.WriteLine($"      {e.Label,-8} '{doc.Cut(e.FirstToken, e.TokenCount)}'{extra}");
            }
            for (int i = 0; i < doc.Mentions.Count; i++)
            {
                var m = doc.Mentions[i];
                if (m.Sentence != s) continue;
                var nonEvent = context != null && i < doc.MentionNonEvents.Length && doc.MentionNonEvents[i] != NonEventReason.None
                    ? $" no event: {doc.MentionNonEvents[i]} ({context.RuleFor(doc, i)?.Name})" : "";
                o.WriteLine($"   => {m.Type} actor1={Cut(doc, m.Actor1)} actor2={Cut(doc, m.Actor2)} place={Cut(doc, m.Place)} date={Cut(doc, m.Date)} fat={m.Fatalities} inj={m.Injuries} {m.Flags}{nonEvent}");
            }
        }
        o.WriteLine();
    }

    private static string Cut(Document doc, int entity) =>
        entity < 0 ? "-" : "'" + doc.Cut(doc.Entities[entity].FirstToken, doc.Entities[entity].TokenCount) + "'";
}
