namespace EventExtractor.Tests.Extraction;

/// <summary>What counts as an event, of which type, with whom, where: short invented articles through the whole engine.</summary>
[Collection("engine")]
public class MentionTests(EngineFixture fx)
{
    // Each pair: a sentence that reports an event, and the same event told as a threat, plan, denial, habit or quote.
    [Theory]
    [InlineData("Militants fired rockets at the airport in Kabul on Monday.",
                "Officials warned on Monday that militants could fire rockets at the airport in Kabul.")]
    [InlineData("The militia shelled the army base near Kramatorsk on Monday.",
                "The militia vowed to shell the army base near Kramatorsk on Monday.")]
    [InlineData("Rebels attacked a police station in Cucuta on Monday, killing two officers.",
                "Rebels plan to attack a police station in Cucuta, killing officers, an informant said on Monday.")]
    [InlineData("Troops shelled the village of Kupiansk on Monday.",
                "Troops did not shell the village of Kupiansk on Monday.")]
    [InlineData("Militants ambushed an army convoy near Lashkar Gah on Monday.",
                "Militants often ambush army convoys near Lashkar Gah.")]
    [InlineData("Militants ambushed an army convoy near Lashkar Gah on Monday.",
                "Militants have repeatedly ambushed army convoys near Lashkar Gah.")]
    [InlineData("The rebels shelled the army positions near Kramatorsk on Monday, the commander said.",
                "“We will shell the army positions near Kramatorsk,” the commander said on Monday.")]
    [InlineData("We shelled the army positions near Kramatorsk on Monday, the commander said.",
                "“We shelled the army positions near Kramatorsk on Monday,” the commander said.")]
    public void Only_what_happened_is_an_event(string happened, string didNot)
    {
        Assert.NotEmpty(fx.Extract(happened));
        var none = fx.Extract(didNot);
        Assert.True(none.Count == 0, EngineFixture.Describe(none));
    }

    [Fact]
    public void A_caption_with_a_credit_is_no_evidence()
    {
        const string lead = "Traders reopened their stalls in Mogadishu on Tuesday.\n\n";
        const string picture = "Soldiers stand guard after a car bomb exploded in Mogadishu on Monday.";
        Assert.NotEmpty(fx.Extract(lead + picture));
        Assert.Empty(fx.Extract(lead + picture + " Photo: Reuters"));
    }

    [Fact]
    public void A_caption_with_a_bracketed_credit_is_no_evidence()
    {
        Assert.Empty(fx.Extract("Traders reopened their stalls in Mogadishu on Tuesday.\n\nSoldiers stand guard after a car bomb exploded in Mogadishu on Monday. (Photo: Reuters)"));
    }

    [Fact]
    public void A_blamed_group_is_not_the_perpetrator()
    {
        var r = fx.Single("A roadside bomb exploded in Kismayo on Monday. Officials blamed al-Shabaab for the blast.");
        Assert.Equal("Unidentified Armed Group (Somalia)", r.Actor1);
        Assert.Equal("Political militia", r.Inter1);

        var r2 = fx.Single("Officials blamed al-Shabaab for a roadside bomb that exploded in Kismayo on Monday.");
        Assert.Equal("Unidentified Armed Group (Somalia)", r2.Actor1);
    }

    [Fact]
    public void A_group_that_claims_the_act_is_the_perpetrator()
    {
        var r = fx.Single("Al-Shabaab claimed responsibility for a roadside bomb that exploded in Kismayo on Monday.");
        Assert.Equal("Al Shabaab", r.Actor1);
        Assert.Equal("Rebel group", r.Inter1);
    }

    [Fact]
    public void A_claim_in_the_next_sentence_names_the_perpetrator()
    {
        var r = fx.Single("A roadside bomb exploded in Kismayo on Monday. Al-Shabaab claimed responsibility for the attack.");
        Assert.Equal("Al Shabaab", r.Actor1);
    }

    [Fact]
    public void A_state_abroad_is_an_external_force()
    {
        var r = fx.Single("US troops clashed with militants near Kandahar on Monday.");
        Assert.Equal("Afghanistan", r.Country);
        Assert.StartsWith("Military Forces of the United States", r.Actor1);
        Assert.True(r.Inter1 == "External/Other forces" || r.Inter2 == "External/Other forces", $"{r.Inter1} / {r.Inter2}");
        Assert.Equal("Political militia-External/Other forces", r.Interaction);
    }

    [Fact]
    public void A_state_at_home_is_state_forces()
    {
        var r = fx.Single("Soldiers clashed with rebels near Tumaco on Monday.");
        Assert.StartsWith("Military Forces of Colombia", r.Actor1);
        Assert.Equal("State forces", r.Inter1);
    }

    [Fact]
    public void An_intercepted_drone_is_disrupted_weapons_use()
    {
        var r = fx.Single("Air defences intercepted a drone over Sanaa on Monday.");
        Assert.Equal("Disrupted weapons use", r.SubEventType);
        Assert.Equal("Strategic developments", r.EventType);
        Assert.Contains("drone", r.Weapons);
    }

    [Fact]
    public void A_defused_bomb_is_disrupted_weapons_use()
    {
        var r = fx.Single("Police defused a bomb planted near a school in Mogadishu on Monday.");
        Assert.Equal("Disrupted weapons use", r.SubEventType);
        Assert.StartsWith("Police Forces of Somalia", r.Actor1);
    }

    [Fact]
    public void Tear_gas_against_protesters_is_a_protest_with_intervention()
    {
        var r = fx.Single("Police fired tear gas at protesters in Bogota on Monday.");
        Assert.Equal("Protest with intervention", r.SubEventType);
        Assert.Equal("Protesters (Colombia)", r.Actor1);
        Assert.Contains("tear gas", r.Weapons);
    }

    [Fact]
    public void The_intervening_police_are_actor2_of_a_protest()
    {
        var r = fx.Single("Police fired tear gas at protesters in Bogota on Monday.");
        Assert.StartsWith("Police Forces of Colombia", r.Actor2);
        Assert.Equal("State forces-Protesters", r.Interaction);
    }

    [Fact]
    public void Riot_police_do_not_make_a_riot()
    {
        var r = fx.Single("Riot police fired tear gas to disperse protesters in Bogota on Monday.");
        Assert.Equal("Protest with intervention", r.SubEventType);
    }

    [Fact]
    public void A_peaceful_march_is_a_peaceful_protest()
    {
        var r = fx.Single("Protesters marched peacefully in Kyiv on Monday to demand higher wages.");
        Assert.Equal("Peaceful protest", r.SubEventType);
        Assert.Equal("Protesters (Ukraine)", r.Actor1);
        Assert.Equal("Protesters only", r.Interaction);
        Assert.Equal("Demonstrations", r.DisorderType);
    }

    [Fact]
    public void A_crowd_size_does_not_make_a_march_habitual()
    {
        var r = fx.Single("Hundreds of teachers marched peacefully in Kyiv on Monday to demand higher wages.");
        Assert.Equal("Peaceful protest", r.SubEventType);
    }

    [Fact]
    public void Marching_teachers_are_the_protesters_not_victims()
    {
        var r = fx.Single("Teachers marched peacefully in Kyiv on Monday to demand higher wages.");
        Assert.Equal("Protesters (Ukraine)", r.Actor1);
        Assert.Equal("", r.Actor2);
        Assert.Equal("Protesters only", r.Interaction);
    }

    [Fact]
    public void Gunmen_killing_villagers_is_an_attack_on_civilians()
    {
        var r = fx.Single("Gunmen killed five villagers in the town of Anka on Monday.");
        Assert.Equal("Attack", r.SubEventType);
        Assert.Equal("Violence against civilians", r.EventType);
        Assert.Equal("Unidentified Armed Group (Nigeria)", r.Actor1);
        Assert.Equal("Civilians (Nigeria)", r.Actor2);
        Assert.Equal("Civilians targeted", r.CivilianTargeting);
        Assert.Equal(5, r.Fatalities);
    }

    [Fact]
    public void An_air_strike()
    {
        var r = fx.Single("An air strike hit a market in Saada on Monday.");
        Assert.Equal("Air/drone strike", r.SubEventType);
        Assert.Equal("Yemen", r.Country);
    }

    [Fact]
    public void A_roadside_bomb_is_an_ied()
    {
        var r = fx.Single("A roadside bomb struck a police vehicle in Helmand on Monday.");
        Assert.Equal("Remote explosive/landmine/IED", r.SubEventType);
        Assert.StartsWith("Police Forces of Afghanistan", r.Actor2);
    }

    [Fact]
    public void A_suicide_bomber()
    {
        var r = fx.Single("A suicide bomber blew himself up at a mosque in Kabul on Monday, killing eight worshippers.");
        Assert.Equal("Suicide bomb", r.SubEventType);
        Assert.Equal(8, r.Fatalities);
    }

    [Fact]
    public void Arrests_are_made_by_the_police_of_the_country()
    {
        var r = fx.Single("Fourteen suspects were arrested in Cotabato on Monday.");
        Assert.Equal("Arrests", r.SubEventType);
        Assert.StartsWith("Police Forces of the Philippines (", r.Actor1);
        Assert.Equal("State forces", r.Inter1);
    }

    [Fact]
    public void Two_events_on_two_dates_are_two_records()
    {
        var records = fx.Extract("Gunmen killed four farmers in Zamfara state on Monday. On Tuesday, soldiers clashed with bandits near Gusau.");
        Assert.Equal(2, records.Count);
        Assert.Equal(["2021-03-15", "2021-03-16"], records.Select(r => r.EventDate).ToArray());
        Assert.Equal(["Attack", "Armed clash"], records.Select(r => r.SubEventType).ToArray());
    }

    [Fact]
    public void One_event_told_twice_is_one_record()
    {
        var r = fx.Single("A car bomb exploded outside a hotel in Mogadishu on Monday. The car bomb went off as guests were leaving the hotel in Mogadishu on Monday, killing six.");
        Assert.Equal(6, r.Fatalities);
    }

    [Fact]
    public void The_headline_tells_the_body_event_again()
    {
        var records = fx.Engine.Extract(EngineFixture.Article("Rebels shelled the town of Izium on Monday.", headline: "Shelling hits Izium"));
        Assert.Single(records);
    }

    [Fact]
    public void Near_a_town_is_geo_precision_2()
    {
        var r = fx.Single("Soldiers clashed with rebels near Tumaco on Monday.");
        Assert.Equal("Tumaco", r.Location);
        Assert.Equal(2, r.GeoPrecision);
        Assert.Contains(" near Tumaco", r.Notes);
    }

    [Fact]
    public void In_a_town_is_geo_precision_1()
    {
        var r = fx.Single("Soldiers clashed with rebels in Tumaco on Monday.");
        Assert.Equal(1, r.GeoPrecision);
    }

    [Fact]
    public void A_province_only_is_geo_precision_3_at_its_capital()
    {
        var r = fx.Single("Troops clashed with militants in Helmand province on Monday.");
        Assert.Equal(3, r.GeoPrecision);
        Assert.Equal("Helmand", r.Admin1);
        Assert.Equal("Lashkar Gah", r.Location);
    }

    [Fact]
    public void The_launch_site_is_not_the_event_place()
    {
        var r = fx.Single("Rebels fired mortars from Kupiansk at the town of Izium on Monday.");
        Assert.Equal("Izium", r.Location);
        var r2 = fx.Single("Rockets fired from Kupiansk struck Kharkiv on Monday.");
        Assert.Equal("Kharkiv", r2.Location);
    }

    [Fact]
    public void A_cross_border_target_is_the_event_place()
    {
        var r = fx.Single("A drone launched from Saada was shot down over Jizan on Monday.");
        Assert.Equal("Saudi Arabia", r.Country);
    }

    [Fact]
    public void An_inter_code_always_has_an_actor()
    {
        var records = fx.Extract("A drone launched from Saada was shot down over Jizan on Monday.");
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(r.Actor1.Length > 0 || r.Inter1.Length == 0, $"actor1 '{r.Actor1}' inter1 '{r.Inter1}'"));
    }

    [Fact]
    public void A_passive_headline_does_not_make_victims_the_agent()
    {
        var records = fx.Engine.Extract(EngineFixture.Article("Gunmen attacked a checkpoint in Kano on Monday, killing three policemen.", headline: "Police officers killed in Kano"));
        var r = Assert.Single(records);
        Assert.Equal("Unidentified Armed Group (Nigeria)", r.Actor1);
        Assert.StartsWith("Police Forces of Nigeria", r.Actor2);
    }

    [Fact]
    public void Gunmen_storming_a_market_is_an_event()
    {
        var r = fx.Single("At least 12 people were killed on Monday when gunmen stormed a market in Kano.");
        Assert.Equal(12, r.Fatalities);
        Assert.Equal("Attack", r.SubEventType);
    }

    [Theory]
    [InlineData("Gunmen kidnapped 20 students from a school near Kaduna on Monday.", "Abduction/forced disappearance", "Nigeria")]
    [InlineData("Soldiers clashed with Abu Sayyaf militants in Jolo on Monday.", "Armed clash", "Philippines")]
    [InlineData("A landmine exploded near Donetsk on Monday, killing two civilians.", "Remote explosive/landmine/IED", "Ukraine")]
    [InlineData("Taliban fighters clashed with soldiers in Herat on Monday.", "Armed clash", "Afghanistan")]
    public void Events_in_several_countries(string body, string subEvent, string country)
    {
        var r = fx.Single(body);
        Assert.Equal(subEvent, r.SubEventType);
        Assert.Equal(country, r.Country);
    }

    [Fact]
    public void Named_groups_keep_their_names()
    {
        var r = fx.Single("Soldiers clashed with Abu Sayyaf militants in Jolo on Monday.");
        Assert.Equal("Abu Sayyaf Group", r.Actor2);
        Assert.Equal("State forces-Rebel group", r.Interaction);
    }
}
