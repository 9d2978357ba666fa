using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Text;

namespace EventExtractor.Tests.Ingestion;

public class NoiseCuesCompileTests
{
    private static readonly string[] Lines =
    [
        "Smoke rises from a damaged building in Sanaa, Yemen March 2, 2021. REUTERS/Jane Okafor",
        "Rescue workers search the rubble. AP Photo/Leila Haddad",
        "By Amina Yusuf, Reuters",
        "Reporting by John Smith; Editing by Jane Doe",
        "BAGHDAD, March 3 (Reuters) -",
        "March 3, 2021 | 10:45 AM GMT",
        "Sign up for our daily newsletter",
        "All rights reserved.",
        "*** Local Caption *** A soldier stands guard.",
        "Gunmen attacked a police post in the north of the country on Tuesday, killing three officers.",
        "The army said it had repelled the attack.",
        "",
    ];

    [Fact]
    public void Compiled_patterns_classify_every_line_as_the_interpreted_ones()
    {
        var cues = NoiseCues.FromModels(ModelDirectory.Locate());
        Assert.False(cues.IsCompiled);
        var interpreted = Lines.Select(l => cues.Classify(l)).ToArray();
        Assert.Contains(interpreted, k => k == ParagraphKind.Caption);
        Assert.Contains(interpreted, k => k == null);

        cues.Compile(Lines[0]);

        Assert.True(cues.IsCompiled);
        Assert.Equal(interpreted, Lines.Select(l => cues.Classify(l)).ToArray());
    }

    [Fact]
    public void Patterns_are_compiled_once_enough_paragraphs_were_classified()
    {
        var cues = NoiseCues.Parse(new StringReader("kind\tpattern\nByline\t^By \\p{Lu}\n"), "t.tsv");
        for (int i = 1; i < NoiseCues.CompileAfter; i++) Assert.Null(cues.Classify("Gunmen attacked a village."));
        Assert.False(cues.IsCompiled);

        Assert.Equal(ParagraphKind.Byline, cues.Classify("By Amina Yusuf"));

        Assert.True(cues.IsCompiled);
        Assert.Equal(ParagraphKind.Byline, cues.Classify("By Amina Yusuf"));
        Assert.Null(cues.Classify("by the river"));
    }

    [Fact]
    public void Empty_paragraphs_do_not_count_and_a_file_without_cues_never_compiles()
    {
        var none = NoiseCues.Parse(new StringReader("kind\tpattern\n"), "t.tsv");
        for (int i = 0; i <= NoiseCues.CompileAfter; i++) Assert.Null(none.Classify("A paragraph."));
        Assert.False(none.IsCompiled);

        var cues = NoiseCues.Parse(new StringReader("kind\tpattern\nByline\t^By \n"), "t.tsv");
        for (int i = 0; i <= NoiseCues.CompileAfter; i++) Assert.Null(cues.Classify(""));
        Assert.False(cues.IsCompiled);
    }
}
