using System.Reflection;
using System.Text.RegularExpressions;
using EventExtractor.Tests.Readme;

namespace EventExtractor.Tests.PublicApi;

/// <summary>
/// Namespaces depend one way: the text layer (documents, tokens, sentences, matchers) knows nothing of the
/// extraction stages or of runs, so it can be reused and tested alone.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly string[] Forbidden = ["EventExtractor.Extraction", "EventExtractor.Running"];

    [Fact]
    public void Text_types_expose_nothing_of_extraction_or_running()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var problems = new List<string>();
        foreach (var type in typeof(Extractor).Assembly.GetTypes().Where(t => t.Namespace == "EventExtractor.Text"))
        {
            var used = new List<Type>();
            if (type.BaseType != null) used.Add(type.BaseType);
            used.AddRange(type.GetInterfaces());
            foreach (var f in type.GetFields(all)) used.Add(f.FieldType);
            foreach (var p in type.GetProperties(all)) used.Add(p.PropertyType);
            foreach (var m in type.GetMethods(all))
            {
                used.Add(m.ReturnType);
                used.AddRange(m.GetParameters().Select(p => p.ParameterType));
            }
            foreach (var c in type.GetConstructors(all)) used.AddRange(c.GetParameters().Select(p => p.ParameterType));
            foreach (var u in used.SelectMany(Flatten))
                if (u.Namespace is { } ns && Forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                    problems.Add($"{type.FullName} uses {u.FullName}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Text_sources_name_nothing_of_extraction_or_running()
    {
        // Method bodies are not visible to reflection: the sources are checked too.
        var dir = Path.Combine(ReadmeExamplesTests.RepoRoot, "src", "EventExtractor", "Text");
        var pattern = new Regex(@"\b(EventExtractor\.)?(Extraction|Running)\.[A-Z]|using EventExtractor\.(Extraction|Running)\b");
        var problems = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        yield return t;
        if (t.HasElementType) foreach (var e in Flatten(t.GetElementType()!)) yield return e;
        if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) foreach (var e in Flatten(a)) yield return e;
    }
}
