using EventExtractor.Ingestion;
using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Tests.Ingestion;

public class ParagraphClassifierTests
{
    private static ParagraphKind KindOfLine(string line)
    {
        // Put the line after a headline and a body paragraph so headline/subheadline rules do not apply to it.
        var text = "A headline\n\nAn opening body paragraph that ends with a period.\n\n" + line + "\n";
        var ps = Shared.Classifier.Classify(text);
        Assert.Equal(3, ps.Length);
        Assert.Equal(line.Trim(), text[ps[2].Start..ps[2].End]);
        return ps[2].Kind;
    }

    [Theory]
    [InlineData("Smoke rises from a damaged building in Sanaa, Yemen March 2, 2021. REUTERS/Jane Okafor")]
    [InlineData("Soldiers patrol a market street in Gao, Mali July 14, 2022.")]
    [InlineData("Firefighters work at the scene of the blast. AHMED SALEH/AFP via Getty Images")]
    [InlineData("Displaced families wait for aid at a camp outside the city. Getty Images")]
    [InlineData("Police stand guard after the explosion in Karachi, 4 May 2023. EPA/STR")]
    [InlineData("A view of the damaged bridge. EPA Photo")]
    [InlineData("Rescue workers search the rubble. AP Photo/Leila Haddad")]
    [InlineData("A protester holds a flag during the rally. Photo: Tomas Ruiz / Anadolu Agency")]
    [InlineData("Troops board a helicopter at the airbase (Photo by Marco Bellini/Getty Images)")]
    [InlineData("Image: Regional police handout")]
    [InlineData("Credit: Ministry of Defence")]
    [InlineData("File photo of a checkpoint on the northern highway.")]
    [InlineData("*** Local Caption *** Soldiers at a checkpoint")]
    [InlineData("A truck burns on the highway. REUTERS/Stringer NO RESALES. NO ARCHIVES")]
    [InlineData("A general view of the city centre after the storm")]
    [InlineData("epa09876543")]
    [InlineData("nigeria bandits kidnapping")]
    [InlineData("(U.S. Navy photo by Petty Officer 2nd Class Dana Whitfield)")]
    [InlineData("This undated handout photo provided by the army shows a seized rocket launcher.")]
    public void Captions(string line) => Assert.Equal(ParagraphKind.Caption, KindOfLine(line));

    [Theory]
    [InlineData("By Amira Haddad")]
    [InlineData("By Jonas Berg and Priya Nair, Reuters")]
    [InlineData("BY SAMUEL OKONKWO")]
    [InlineData("By Lena Fischer | Staff Writer")]
    [InlineData("Tomas Varga, Reuters")]
    [InlineData("Reporting by Ines Moreau; Writing by Karl Dunn; Editing by Ruth Lowe")]
    [InlineData("Writing by Omar Siddiqui")]
    [InlineData("Editing by Helen Marsh")]
    [InlineData("Additional reporting by Yusuf Demir in Ankara")]
    [InlineData("Nadia Rahman - Staff Writer")]
    [InlineData("Author: Peter Novak")]
    public void Bylines(string line) => Assert.Equal(ParagraphKind.Byline, KindOfLine(line));

    [Theory]
    [InlineData("June 2, 2022")]
    [InlineData("Updated: 14 February 2020, 18:05 GMT")]
    [InlineData("Published: Wednesday, 9 November 2022")]
    [InlineData("Last updated on 3 March 2021")]
    [InlineData("2022-06-02")]
    [InlineData("Posted: 10:30 am")]
    [InlineData("Tuesday 8 August 2023 14:22 BST")]
    public void Datelines(string line) => Assert.Equal(ParagraphKind.Dateline, KindOfLine(line));

    [Theory]
    [InlineData("Join our verified WhatsApp channel for breaking news alerts!")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Subscribe now to read unlimited stories")]
    [InlineData("Follow us on Twitter and Facebook")]
    [InlineData("Download our app for the latest updates")]
    [InlineData("Read more: Ceasefire talks stall in the capital")]
    [InlineData("Related: Five things to know about the election")]
    [InlineData("Click here to watch the video")]
    [InlineData("Powered by automated translation")]
    [InlineData("Share this article")]
    [InlineData("Advertisement")]
    [InlineData("Most read")]
    public void Promotions(string line) => Assert.Equal(ParagraphKind.Promotion, KindOfLine(line));

    [Theory]
    [InlineData("Skip to main content")]
    [InlineData("scorecardresearch Skip to main content")]
    [InlineData("This site uses cookies to improve your experience. Accept all cookies")]
    [InlineData("© 2023 Example Media Group. All rights reserved.")]
    [InlineData("Copyright 2021 The Morning Ledger")]
    [InlineData("Privacy Policy")]
    public void Boilerplate(string line) => Assert.Equal(ParagraphKind.Boilerplate, KindOfLine(line));

    /// <summary>Ordinary news sentences, including ones that mention photos, dates, agencies and subscribers.</summary>
    [Theory]
    [InlineData("Gunmen opened fire on a police checkpoint in the eastern province on Tuesday, killing two officers.")]
    [InlineData("\"We will not stop until they leave our land,\" the commander told a crowd of supporters.")]
    [InlineData("\"The photo shows exactly what happened that night,\" a spokesman for the ministry said.")]
    [InlineData("A photo posted on social media showed thick black smoke rising over the airport.")]
    [InlineData("The army said it had shot down two drones launched toward the base on Sunday.")]
    [InlineData("By Sunday, the ceasefire had collapsed and shelling resumed in the south.")]
    [InlineData("The attack on October 31, 2021 killed three people, according to local officials.")]
    [InlineData("A Reuters/Ipsos poll published last week found that most voters opposed the deployment.")]
    [InlineData("According to Anadolu Agency, security forces detained 14 suspects in dawn raids.")]
    [InlineData("Protesters blocked the main road and burned tyres, demanding the release of detained activists.")]
    [InlineData("Subscribers to the state broadcaster's channel reported outages during the crisis.")]
    [InlineData("Related incidents were reported in three other towns, police said.")]
    [InlineData("Read the full statement, the foreign minister urged reporters at a press conference.")]
    [InlineData("Updated casualty figures released by the health ministry showed 27 dead.")]
    [InlineData("Members of the militia took part in a parade in the city centre, witnesses said.")]
    [InlineData("Copyright disputes are not the focus of the inquiry, the judge said.")]
    [InlineData("Images shared online appeared to show armed men entering the village.")]
    [InlineData("The image released by the army could not be independently verified.")]
    [InlineData("Posted by the ministry on its website, the video showed soldiers entering the town.")]
    [InlineData("Written by hand, the note warned residents to leave before nightfall.")]
    [InlineData("Source: a senior security official who asked not to be named.")]
    [InlineData("Three rockets struck the airport in Erbil, Iraq on March 2, 2021.")]
    [InlineData("Two soldiers were killed, the army said in a statement on Telegram.")]
    public void OrdinarySentences_StayBody(string line) => Assert.Equal(ParagraphKind.Body, KindOfLine(line));

    [Fact]
    public void HeadlineIsFirstNonNoiseParagraph_SubheadlineWithoutPeriod()
    {
        const string text = "Skip to main content\n\nMilitants seize border post\n\nThe raid is the boldest in months\n\nMilitants seized a border post overnight.\n";
        var ps = Shared.Classifier.Classify(text);
        Assert.Equal(
            [ParagraphKind.Boilerplate, ParagraphKind.Headline, ParagraphKind.Subheadline, ParagraphKind.Body],
            ps.Select(p => p.Kind).ToArray());
    }

    [Fact]
    public void SecondParagraphEndingWithPeriod_IsBody()
    {
        var ps = Shared.Classifier.Classify("Storm hits coast\nThe storm hit the coast on Monday.\n");
        Assert.Equal([ParagraphKind.Headline, ParagraphKind.Body], ps.Select(p => p.Kind).ToArray());
    }

    [Fact]
    public void LongSecondParagraphWithoutPeriod_IsBody()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("word", 60));
        var ps = Shared.Classifier.Classify("Title\n" + longLine);
        Assert.Equal(ParagraphKind.Body, ps[1].Kind);
    }

    [Fact]
    public void ParagraphRangesAreTrimmedLines()
    {
        const string text = "  Title  \r\n\n\t Body line one. \nBody line two.";
        var ps = Shared.Classifier.Classify(text);
        Assert.Equal(3, ps.Length);
        Assert.Equal("Title", text[ps[0].Start..ps[0].End]);
        Assert.Equal("Body line one.", text[ps[1].Start..ps[1].End]);
        Assert.Equal("Body line two.", text[ps[2].Start..ps[2].End]);
    }

    [Fact]
    public void Stage_ContractAndProcess()
    {
        var stage = Shared.Classifier;
        Assert.Equal(Annotations.None, stage.Requires);
        Assert.Equal(Annotations.Paragraphs | Annotations.Noise, stage.Provides);
        var doc = new Document("Title\n\nBy Jane Smith\n\nA bomb exploded.");
        var pipeline = new DocumentPipeline([stage]);
        pipeline.Process(doc);
        Assert.Equal([ParagraphKind.Headline, ParagraphKind.Byline, ParagraphKind.Body], doc.Paragraphs.Select(p => p.Kind).ToArray());
        Assert.Equal(Annotations.Paragraphs | Annotations.Noise, doc.Done);
        Assert.Equal(2, doc.ParagraphAt(doc.Text.IndexOf("bomb", StringComparison.Ordinal)));
    }

    [Fact]
    public void CueFile_BadRowsAreReported()
    {
        Assert.Throws<EventExtractor.Models.ModelException>(() =>
            NoiseCues.Parse(new StringReader("kind\tpattern\nBody\tfoo\n"), "t.tsv"));
        Assert.Throws<EventExtractor.Models.ModelException>(() =>
            NoiseCues.Parse(new StringReader("kind\tpattern\nCaption\t(unclosed\n"), "t.tsv"));
        var cues = NoiseCues.Parse(new StringReader("# c\nkind\tpattern\n@X\tab+\nCaption\t^{X}$\n"), "t.tsv");
        Assert.Equal(1, cues.Count);
        Assert.Equal(ParagraphKind.Caption, cues.Classify("abbb"));
        Assert.Null(cues.Classify("ac"));
    }
}
