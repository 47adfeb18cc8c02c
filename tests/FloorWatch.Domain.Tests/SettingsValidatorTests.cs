using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Tests;

/// <summary>Settings are validated with errors naming the field; defaults are the contract's.</summary>
public class SettingsValidatorTests
{
    private static IReadOnlyList<string> ValidateQueue(QueueSettings q) =>
        SettingsValidator.Validate(new CenterSettings { Queues = new Dictionary<string, QueueSettings> { ["general"] = q } });

    [Fact]
    public void Queue_defaults_are_the_contracts()
    {
        var q = new CenterSettings().Queue("anything");

        Assert.Equal(20, q.SlThresholdSeconds);
        Assert.Equal(0.80, q.SlTarget);
        Assert.Equal(5, q.ShortAbandonSeconds);
        Assert.Equal(SlFormula.AbandonsCount, q.SlFormula);
        Assert.Equal(0, q.WrapUpSeconds);
    }

    [Fact]
    public void Rule_defaults_are_the_operations_manuals()
    {
        var r = new RuleSettings();

        Assert.Equal(300, r.NotReadyMaxSeconds["away"]);
        Assert.Equal(300, r.NotReadyMaxSeconds["restroom"]);
        Assert.Equal(900, r.NotReadyMaxSeconds["break"]);
        Assert.Equal(3600, r.NotReadyMaxSeconds["lunch"]);
        Assert.Equal(600, r.NotReadyMaxSeconds["*"]);
        Assert.Equal(["break", "lunch", "meeting", "training"], r.ApprovalRequired);
        Assert.Equal("20%", r.MaxConcurrentOnBreak);
        Assert.Equal(60, r.NoLeaveFirstMinutes);
        Assert.Equal(120, r.WrapUpMaxSeconds);
        Assert.Equal(120, r.HoldMaxSeconds);
        Assert.Equal(900, r.LongCallSeconds);
        Assert.True(r.ProtectServiceLevel);
        Assert.Equal(5, r.ProtectWaitingAtLeast);
        Assert.Equal(15, r.FeedSilenceSeconds);
    }

    [Theory]
    [InlineData("slThresholdSeconds")]
    [InlineData("slTarget")]
    [InlineData("shortAbandonSeconds")]
    [InlineData("wrapUpSeconds")]
    public void A_bad_queue_setting_is_named(string field)
    {
        var q = field switch
        {
            "slThresholdSeconds" => new QueueSettings { SlThresholdSeconds = 0 },
            "slTarget" => new QueueSettings { SlTarget = 1.5 },
            "shortAbandonSeconds" => new QueueSettings { ShortAbandonSeconds = -1 },
            _ => new QueueSettings { WrapUpSeconds = double.NaN },
        };

        var error = Assert.Single(ValidateQueue(q));
        Assert.StartsWith($"queues.general.{field}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    public void SlTarget_must_lie_strictly_between_0_and_1(double target)
    {
        Assert.Contains(ValidateQueue(new QueueSettings { SlTarget = target }), e => e.Contains("slTarget", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_queue_id_is_named()
    {
        var errors = SettingsValidator.Validate(new CenterSettings { Queues = new Dictionary<string, QueueSettings> { ["bad queue"] = new() } });

        Assert.Contains(errors, e => e.StartsWith("queues.bad queue", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3", true, 3, false)]
    [InlineData("20%", true, 20, true)]
    [InlineData(" 0 ", true, 0, false)]
    [InlineData("100%", true, 100, true)]
    [InlineData("101%", false, 0, true)]
    [InlineData("-1", false, 0, false)]
    [InlineData("lots", false, 0, false)]
    [InlineData("", false, 0, false)]
    public void A_break_quota_is_a_count_or_a_percent(string text, bool ok, double value, bool percent)
    {
        Assert.Equal(ok, SettingsValidator.TryParseQuota(text, out var v, out var p));
        if (ok)
        {
            Assert.Equal(value, v);
            Assert.Equal(percent, p);
        }
        else
        {
            var errors = SettingsValidator.Validate(new CenterSettings { Rules = new RuleSettings { MaxConcurrentOnBreak = text } });
            Assert.Contains(errors, e => e.StartsWith("rules.maxConcurrentOnBreak", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Bad_rules_are_named()
    {
        var rules = new RuleSettings
        {
            NotReadyMaxSeconds = new Dictionary<string, double> { ["away"] = 0 },
            WrapUpMaxSeconds = 0,
            FeedSilenceSeconds = double.NaN,
            ProtectWaitingAtLeast = 0,
        };

        var errors = SettingsValidator.Validate(new CenterSettings { Rules = rules });

        Assert.Contains(errors, e => e.StartsWith("rules.notReadyMaxSeconds.away", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rules.wrapUpMaxSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rules.feedSilenceSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rules.protectWaitingAtLeast", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData("abandonsCount", SlFormula.AbandonsCount)]
    [InlineData("answeredOnly", SlFormula.AnsweredOnly)]
    [InlineData("withOverflow", SlFormula.WithOverflow)]
    public void Sl_formula_names_round_trip(string name, SlFormula formula)
    {
        Assert.True(SlFormulaNames.TryParse(name, out var parsed));
        Assert.Equal(formula, parsed);
        Assert.Equal(name, formula.Name());
    }

    [Theory]
    [InlineData("AbandonsCount")]
    [InlineData("answered_only")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_sl_formula_names_are_refused(string? name)
    {
        Assert.False(SlFormulaNames.TryParse(name, out _));
    }
}
