using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EventExtractor.Tests.Readme;

/// <summary>
/// The README's C# examples are compiled against the library (its public API only, as a package user sees it)
/// and the first one is run, so that the examples a data team copies never go stale.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReadmeCSharpTests
{
    /// <summary>The ```csharp blocks of the README, in order.</summary>
    public static IReadOnlyList<string> Examples() =>
        Regex.Matches(File.ReadAllText(Path.Combine(ReadmeExamplesTests.RepoRoot, "README.md")).ReplaceLineEndings("\n"), "```csharp\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();

    private static byte[] Compile(string source, int index)
    {
        // The framework's assemblies and the library alone: an example must not need anything a package user lacks.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Extractor).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"README-example-{index + 1}.cs");
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks;");
        var compilation = CSharpCompilation.Create($"ReadmeExample{index + 1}", [tree, implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.True(result.Success && errors.Count == 0,
            $"README C# example {index + 1} does not compile cleanly against the library:\n" + string.Join("\n", errors));
        return image.ToArray();
    }

    [Fact]
    public void The_readme_has_csharp_examples()
    {
        Assert.True(Examples().Count >= 2, "the README should show the library's single-article and batch use");
        Assert.Contains("Extractor.Load", Examples()[0]);
    }

    [Fact]
    public void Every_csharp_example_compiles_against_the_library_alone()
    {
        var examples = Examples();
        for (int i = 0; i < examples.Count; i++) Compile(examples[i], i);
    }

    [Fact]
    public void The_first_csharp_example_prints_records()
    {
        // A context of its own, unloaded afterwards; the library resolves to the one already loaded.
        var context = new AssemblyLoadContext("readme-example", isCollectible: true);
        var program = context.LoadFromStream(new MemoryStream(Compile(Examples()[0], 0)));
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            var entry = program.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(previous);
            context.Unload();
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("Attack", StringComparison.Ordinal) && l.Contains("Nigeria", StringComparison.Ordinal));
    }
}

/// <summary>Tests that redirect the process's console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
