using EventExtractor.Evaluation;
using static EventExtractor.Tests.Evaluation.EvalFixtures;

namespace EventExtractor.Tests.Evaluation;

public sealed class EventMatcherTests
{
    private readonly EventMatcher _matcher = new(25);

    [Fact]
    public void Haversine_gives_known_distances()
    {
        // One degree of latitude is about 111.2 km; a degree of longitude at 60 degrees is half of that.
        Assert.InRange(EventMatcher.HaversineKm(0, 0, 1, 0), 111.1, 111.3);
        Assert.InRange(EventMatcher.HaversineKm(60, 10, 60, 11), 55.5, 55.7);
        Assert.Equal(0, EventMatcher.HaversineKm(33.3, 44.4, 33.3, 44.4), 9);
    }

    [Fact]
    public void Same_event_20_km_away_matches_strictly()
    {
        var gold = Rec();
        var match = _matcher.Match([gold], [North(gold, 20)]);
        var pair = Assert.Single(match.Pairs);
        Assert.Equal(MatchKind.Strict, pair.Kind);
        Assert.InRange(pair.DistanceKm!.Value, 19.99, 20.01);
        Assert.Equal(1, match.StrictCount);
    }

    [Fact]
    public void Same_event_30_km_away_is_no_strict_match_but_found_at_another_place()
    {
        var gold = Rec();
        var match = _matcher.Match([gold], [North(gold, 30)]);
        Assert.Equal(0, match.StrictCount);
        Assert.Equal(MatchKind.PlaceDiffers, Assert.Single(match.Pairs).Kind);
    }

    [Fact]
    public void A_wider_tolerance_accepts_30_km()
    {
        var gold = Rec();
        Assert.Equal(1, new EventMatcher(50).Match([gold], [North(gold, 30)]).StrictCount);
    }

    [Fact]
    public void Date_off_by_one_day_matches()
    {
        var match = _matcher.Match([Rec(date: "2024-03-10")], [Rec(date: "2024-03-11")]);
        Assert.Equal(1, match.StrictCount);
    }

    [Fact]
    public void Date_off_by_two_days_matches_nothing()
    {
        var match = _matcher.Match([Rec(date: "2024-03-10")], [Rec(date: "2024-03-12")]);
        Assert.Empty(match.Pairs);
        Assert.Equal([0], match.UnmatchedGold);
        Assert.Equal([0], match.UnmatchedPred);
    }

    [Fact]
    public void A_missing_date_does_not_block_a_match()
    {
        Assert.Equal(1, _matcher.Match([Rec(date: "2024-03-10")], [Rec(date: "")]).StrictCount);
    }

    [Fact]
    public void Without_coordinates_location_names_are_compared_ignoring_case()
    {
        Assert.Equal(1, _matcher.Match([Rec(location: "Konduga")], [Rec(lat: null, location: "KONDUGA")]).StrictCount);
        Assert.Equal(0, _matcher.Match([Rec(location: "Konduga")], [Rec(lat: null, location: "Maiduguri")]).StrictCount);
    }

    [Fact]
    public void Matching_is_one_to_one_and_takes_the_closest_first()
    {
        var g0 = Rec();
        var g1 = North(g0, 10);
        var p0 = North(g0, 9); // 1 km from g1, 9 km from g0
        var p1 = g0.Copy();    // on g0
        var match = _matcher.Match([g0, g1], [p0, p1]);

        Assert.Equal(2, match.StrictCount);
        Assert.Contains(match.Pairs, p => p.Gold == 0 && p.Pred == 1);
        Assert.Contains(match.Pairs, p => p.Gold == 1 && p.Pred == 0);
    }

    [Fact]
    public void One_prediction_cannot_match_two_gold_records()
    {
        var gold = Rec();
        var match = _matcher.Match([gold, gold.Copy()], [gold.Copy()]);
        Assert.Single(match.Pairs);
        Assert.Equal([1], match.UnmatchedGold); // ties go to the earlier record
    }

    [Fact]
    public void Same_day_beats_a_closer_place_and_equal_fatalities_break_ties()
    {
        var gold = Rec(date: "2024-03-10", fatalities: 3);
        var nextDayOnSpot = Rec(date: "2024-03-11", fatalities: 3);
        var sameDayFarther = North(Rec(date: "2024-03-10", fatalities: 0), 5);
        var match = _matcher.Match([gold], [nextDayOnSpot, sameDayFarther]);
        Assert.Equal(1, Assert.Single(match.Pairs).Pred);

        var wrongToll = Rec(fatalities: 1);
        var rightToll = Rec(fatalities: 3);
        Assert.Equal(1, Assert.Single(_matcher.Match([Rec(fatalities: 3)], [wrongToll, rightToll]).Pairs).Pred);
    }

    [Fact]
    public void A_type_error_is_found_loosely_after_the_strict_pass()
    {
        // The attack at the spot must pair with the gold attack, leaving the clash to pair as a type error.
        var goldClash = Rec(type: "Armed clash");
        var goldAttack = Rec(type: "Attack");
        var predAttack = Rec(type: "Attack");
        var predShelling = Rec(type: "Shelling/artillery/missile attack");
        var match = _matcher.Match([goldClash, goldAttack], [predShelling, predAttack]);

        Assert.Contains(match.Pairs, p => p.Gold == 1 && p.Pred == 1 && p.Kind == MatchKind.Strict);
        Assert.Contains(match.Pairs, p => p.Gold == 0 && p.Pred == 0 && p.Kind == MatchKind.TypeDiffers);
    }
}
