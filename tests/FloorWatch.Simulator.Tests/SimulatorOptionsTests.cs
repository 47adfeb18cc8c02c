namespace FloorWatch.Simulator.Tests;

public class SimulatorOptionsTests
{
    [Fact]
    public void The_defaults_with_a_key_are_valid_and_describe_the_demo_floor()
    {
        var o = new SimulatorOptions { ApiKey = "k" };

        Assert.Empty(o.Validate());
        Assert.Equal(("127.0.0.1", 5077, "demo", 48, 900.0, 5.0), (o.Host, o.Port, o.Center, o.Agents, o.CallsPerHour, o.HeartbeatSeconds));
        Assert.Equal(["billing", "sales", "tech", "vip"], o.Queues.Select(q => q.Id));
        Assert.All(o.Queues, q => Assert.False(string.IsNullOrWhiteSpace(q.Name)));
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("Host")]
    [InlineData("Port")]
    [InlineData("Center")]
    [InlineData("Agents")]
    [InlineData("Queues")]
    [InlineData("CallsPerHour")]
    [InlineData("HeartbeatSeconds")]
    [InlineData("RunId")]
    public void Each_bad_option_is_named_in_its_error(string field)
    {
        var ok = new SimulatorOptions { ApiKey = "k" };
        var bad = field switch
        {
            "ApiKey" => ok with { ApiKey = "" },
            "Host" => ok with { Host = " " },
            "Port" => ok with { Port = 70000 },
            "Center" => ok with { Center = "no.dots" },
            "Agents" => ok with { Agents = 0 },
            "Queues" => ok with { Queues = [] },
            "CallsPerHour" => ok with { CallsPerHour = double.NaN },
            "HeartbeatSeconds" => ok with { HeartbeatSeconds = 0 },
            _ => ok with { RunId = "has space" },
        };

        var error = Assert.Single(bad.Validate());
        Assert.StartsWith(field + ":", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_s_errors_name_the_queue_and_its_field()
    {
        var o = new SimulatorOptions { ApiKey = "k", Queues = [QueueProfile.ForId("billing"), QueueProfile.ForId("billing"), new QueueProfile { Id = "x y", Share = 0 }] };

        var errors = o.Validate();

        Assert.Contains(errors, e => e.StartsWith("Queues[1].Id: 'billing' is listed twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Queues[2].Id:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Queues[2].Share:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_needs_no_key_but_refuses_an_invalid_floor()
    {
        Assert.Empty(new SimulatorOptions().ValidateModel());
        var ex = Assert.Throws<ArgumentException>(() => new CenterModel(new SimulatorOptions { Agents = -1 }, TimeProvider.System));
        Assert.Contains("Agents:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_of_another_id_gets_an_average_share_and_its_own_name()
    {
        var q = QueueProfile.ForId("claims");

        Assert.Equal("claims", q.Name);
        Assert.Equal(QueueProfile.Defaults.Average(d => d.Share), q.Share, 9);
        Assert.Same(QueueProfile.Defaults[0], QueueProfile.ForId("billing"));
    }
}
