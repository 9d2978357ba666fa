using EventExtractor.Evaluation;

namespace EventExtractor.Tests.Evaluation;

public sealed class ActorCodesTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("State forces", 1)]
    [InlineData("state FORCES ", 1)]
    [InlineData("External/Other forces", 8)]
    [InlineData("8", 8)]
    [InlineData("Civilians", 7)]
    [InlineData("", 0)]
    [InlineData("0", 0)]
    [InlineData("Militants", null)]
    [InlineData("9", null)]
    public void Inter_codes_parse_from_numbers_and_names(string value, int? code) => Assert.Equal(code, ActorCodes.ParseInter(value));

    [Theory]
    [InlineData("13", "13")]
    [InlineData("State forces-Political militia", "13")]
    [InlineData("Political militia-State forces", "13")]
    [InlineData("10", "10")]
    [InlineData("State forces only", "10")]
    [InlineData("Political militia-Civilians", "37")]
    [InlineData("78", "78")]
    [InlineData("External/Other forces only", "80")]
    [InlineData("", "")]
    [InlineData("99", null)]
    [InlineData("Soldiers-Militants", null)]
    public void Interactions_normalize_to_the_numeric_form(string value, string? normalized) =>
        Assert.Equal(normalized, ActorCodes.NormalizeInteraction(value));

    [Fact]
    public void Text_and_numeric_forms_compare_equal()
    {
        Assert.True(EvaluationReport.SameInter("3", "Political militia"));
        Assert.False(EvaluationReport.SameInter("3", "Rebel group"));
        Assert.True(EvaluationReport.SameInteraction("13", "State forces-Political militia"));
        Assert.True(EvaluationReport.SameInteraction("10", "State forces only"));
        Assert.False(EvaluationReport.SameInteraction("13", "State forces-Rebel group"));
    }
}
