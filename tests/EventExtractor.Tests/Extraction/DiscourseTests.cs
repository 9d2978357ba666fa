using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>Places, dates and tolls that a story gives in another sentence than the event's, and the headline's event.</summary>
[Collection("engine")]
public class DiscourseTests(EngineFixture fx)
{
    private static readonly DiscourseCues Cues = DiscourseCues.From(
    [
        ("it", "pronoun"), ("the", "determiner"), ("attack", "noun"), ("ambush", "noun"),
        ("took place", "occurrence"), ("happened", "occurrence"),
    ]);

    /// <summary>Only tokens and sentences: enough for the rule that decides whether a sentence refers back.</summary>
    private static Document Sentences(string text)
    {
        var doc = new Document(text);
        new DocumentPipeline([new Tokenizer(), new SentenceSplitter()]).Process(doc);
        return doc;
    }

    [Theory]
    [InlineData("It happened on the road to the market.", true)]
    [InlineData("The ambush took place at dawn.", true)]
    [InlineData("The deadly attack happened near the border.", true)]
    [InlineData("\"It happened so fast,\" a witness said.", true)]
    [InlineData("The attack came a week after a bombing in the capital.", false)] // no occurrence verb: another story
    [InlineData("Police said it happened at night.", false)]                      // the pronoun does not open the sentence
    [InlineData("The market reopened on Monday.", false)]                          // no event noun
    public void A_sentence_refers_back_by_a_pronoun_or_an_event_noun_and_an_occurrence_verb(string sentence, bool refers)
    {
        var doc = Sentences(sentence);
        Assert.Equal(refers, new DiscourseStage(Cues).RefersBack(doc, 0));
    }

    [Fact]
    public void The_stage_adds_its_own_layer_and_leaves_the_mentions_as_made()
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article("Gunmen ambushed a convoy on Saturday, killing five guards. The attack took place near Gao."));
        Assert.True((doc.Done & Annotations.Discourse) != 0);
        Assert.Equal(doc.Mentions.Count, doc.MentionContexts.Length);
        int i = doc.Mentions.FindIndex(m => m.Type != Records.SubEventType.None && (m.Flags & MentionFlags.Headline) == 0);
        Assert.True(i >= 0);
        Assert.Equal(-1, doc.Mentions[i].Place); // the mention keeps what its own sentence said
        var place = doc.MentionContexts[i].Place;
        Assert.True(place >= 0);
        Assert.Equal("Gao", doc.Cut(doc.Entities[place].FirstToken, doc.Entities[place].TokenCount));
    }

    [Theory]
    [InlineData("Gunmen ambushed a convoy on Saturday, killing five guards. The attack took place near Gao.", "Gao", "Mali")]
    [InlineData("A bomb hidden in a cart exploded on Friday, killing three people. It happened in Marka, an elder said.", "Marka", "Somalia")]
    [InlineData("Militants stormed a police post on Sunday, killing two officers. The assault occurred on the edge of Bannu, officials said.", "Bannu", "Pakistan")]
    public void A_place_told_in_the_next_sentence_is_the_event_place(string body, string location, string country)
    {
        var r = fx.Single(body);
        Assert.Equal(location, r.Location);
        Assert.Equal(country, r.Country);
        Assert.DoesNotContain("main place", r.Tags);
    }

    [Fact]
    public void A_place_after_the_next_event_has_begun_is_not_taken()
    {
        var records = fx.Extract("Gunmen ambushed a convoy on Saturday, killing five guards. On Sunday, soldiers shelled positions near Kidal. The attack took place near Gao.");
        Assert.DoesNotContain(records, r => r.Fatalities == 5 && r.Location == "Gao");
    }

    [Fact]
    public void A_date_told_in_the_next_sentence_is_the_event_date()
    {
        var r = fx.Single("Gunmen ambushed a convoy near Gao, killing five guards. The attack took place on Saturday, the army said.", published: "2021-03-17");
        Assert.Equal("2021-03-13", r.EventDate);
    }

    [Theory]
    [InlineData("Bandits raid village in Zamfara", "The attackers arrived on motorbikes on Sunday. Four villagers were killed, residents said.", 4)]
    [InlineData("Gunmen attack police post in Tillaberi region", "The assailants came at dawn on Tuesday. Three officers were killed, a security source said.", 3)]
    public void The_body_completes_the_headline_event_when_its_sentences_each_lack_something(string headline, string body, int fatalities)
    {
        var r = fx.Single(body, headline: headline);
        Assert.Equal(fatalities, r.Fatalities);
        Assert.NotEqual("", r.Location);
    }

    [Fact]
    public void A_toll_is_not_a_headline_arrest_s()
    {
        var records = fx.Extract("Nine bodies were found in a ravine on Monday, officials said.",
            headline: "Suspect arrested near Culiacan");
        Assert.DoesNotContain(records, r => r.SubEventType == "Arrests" && r.Fatalities > 0);
    }

    [Fact]
    public void A_headline_s_vaguer_word_for_the_lede_s_riot_is_the_same_event()
    {
        var r = fx.Single("Hundreds of opposition supporters rioted in Kisumu on Monday, throwing stones at police and burning tyres, police said.",
            headline: "Youths clash with police in Kisumu");
        Assert.Equal("Violent demonstration", r.SubEventType);
    }

    [Fact]
    public void A_protest_s_intervention_told_paragraphs_later_is_that_protest_s()
    {
        var records = fx.Extract("Thousands of teachers protested outside parliament in Harare on Tuesday to demand higher pay.\n\n"
            + "The teachers' union said the march had been planned for weeks.\n\nIts leaders said salaries had not been raised since 2019.\n\n"
            + "A union official added that more marches would follow.\n\nRiot police later fired tear gas to disperse the crowd.");
        Assert.Single(records, r => r.Location == "Harare");
        Assert.Equal("Protest with intervention", records.Single(r => r.Location == "Harare").SubEventType);
    }
}
