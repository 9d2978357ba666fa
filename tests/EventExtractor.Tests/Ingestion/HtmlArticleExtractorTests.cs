using EventExtractor.Ingestion;

namespace EventExtractor.Tests.Ingestion;

public class HtmlArticleExtractorTests
{
    internal const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Drone strike hits depot | The Example Herald</title>
          <meta property="og:title" content="Drone strike hits depot near river crossing">
          <meta property="og:site_name" content="The Example Herald">
          <meta property="og:url" content="https://news.example.com/drone-strike-depot">
          <meta property="article:published_time" content="2023-04-12T06:15:00Z">
          <link rel="canonical" href="https://news.example.com/canonical-should-lose">
          <script>window.tracker = "load everything";</script>
          <style>p { color: red; }</style>
        </head>
        <body>
          <header><a href="/">The Example Herald</a> <span>Skip to main content</span></header>
          <nav><ul><li>World</li><li>Politics</li></ul></nav>
          <div class="share-bar"><button>Share on Facebook</button><a>Tweet this</a></div>
          <article class="story">
            <h1>Drone strike hits depot near river crossing</h1>
            <figure><img src="x.jpg"><figcaption>Smoke rises over the depot. Photo: Staff photographer</figcaption></figure>
            <p>A drone struck a fuel depot near the river crossing early on Tuesday,   local officials said.</p>
            <p>Two guards were killed and four others were wounded, the provincial governor told reporters.</p>
            <div class="newsletter-signup"><p>Sign up for our morning newsletter and never miss a story.</p></div>
            <script>document.write("ad slot");</script>
            <h2>Earlier attacks</h2>
            <p>It was the third attack on fuel infrastructure in the province this month.</p>
            <div class="related-stories"><p>Related: Fuel prices climb after pipeline blast</p></div>
          </article>
          <aside><p>Most read: Ten things to know today</p></aside>
          <footer><p>© 2023 The Example Herald. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Extracts_ArticleParagraphs_DropsFurniture()
    {
        var x = HtmlArticleExtractor.Extract(Page);
        Assert.Equal(
            "A drone struck a fuel depot near the river crossing early on Tuesday, local officials said.\n\n" +
            "Two guards were killed and four others were wounded, the provincial governor told reporters.\n\n" +
            "Earlier attacks\n\n" +
            "It was the third attack on fuel infrastructure in the province this month.",
            x.Body);
        Assert.DoesNotContain("Share", x.Body);
        Assert.DoesNotContain("Smoke rises", x.Body);
        Assert.DoesNotContain("newsletter", x.Body);
        Assert.DoesNotContain("tracker", x.Body);
    }

    [Fact]
    public void Extracts_Metadata()
    {
        var x = HtmlArticleExtractor.Extract(Page);
        Assert.Equal("Drone strike hits depot near river crossing", x.Title);
        Assert.Equal("The Example Herald", x.Source);
        Assert.Equal("https://news.example.com/drone-strike-depot", x.Url);
        Assert.Equal("2023-04-12T06:15:00Z", x.PublishedRaw);
    }

    [Fact]
    public void WithoutArticleElement_PicksElementWithMostParagraphText_AndFallbackMetadata()
    {
        const string html = """
            <html><head><title>Clashes in the north - Valley Times</title>
            <meta property="og:site_name" content="Valley Times">
            <link rel="canonical" href="https://valley.example/clashes"></head>
            <body>
              <div id="menu"><p>Home</p><p>Sport</p></div>
              <div class="sidebar-widget"><p>Weather: sunny</p></div>
              <div class="content">
                <p>Fighting broke out between two armed groups in the northern hills on Sunday.</p>
                <p>Residents said the clashes lasted several hours.</p>
              </div>
              <div class="comments"><p>Great article!</p></div>
              <p itemprop="datePublished" content="2019-08-30">30 August 2019</p>
            </body></html>
            """;
        var x = HtmlArticleExtractor.Extract(html);
        Assert.Equal("Fighting broke out between two armed groups in the northern hills on Sunday.\n\nResidents said the clashes lasted several hours.", x.Body);
        Assert.Equal("Clashes in the north", x.Title);
        Assert.Equal("https://valley.example/clashes", x.Url);
        Assert.Equal("2019-08-30", x.PublishedRaw);
    }

    [Fact]
    public void WrapperWhoseClassMentionsSidebar_IsKept()
    {
        const string html = """
            <html><body><div class="layout has-sidebar">
              <p>Police arrested five men after a protest turned violent in the capital.</p>
              <p>Officers used tear gas to disperse the crowd.</p>
            </div></body></html>
            """;
        var x = HtmlArticleExtractor.Extract(html);
        Assert.Contains("Police arrested five men", x.Body);
        Assert.Contains("tear gas", x.Body);
    }

    [Fact]
    public void TimeElement_AndH1Title()
    {
        const string html = """
            <html><body><h1>Convoy ambushed</h1><time datetime="2020-05-19">May 19</time>
            <p>Gunmen ambushed a supply convoy on the main highway.</p></body></html>
            """;
        var x = HtmlArticleExtractor.Extract(html);
        Assert.Equal("Convoy ambushed", x.Title);
        Assert.Equal("2020-05-19", x.PublishedRaw);
        Assert.Equal("Gunmen ambushed a supply convoy on the main highway.", x.Body);
    }
}
