using System.ComponentModel.DataAnnotations;
using FloorWatch.Server.Options;

namespace FloorWatch.Server.Tests;

/// <summary>The dispatch settings refuse values that would stop ingest or the centers, naming the setting.</summary>
public class FloorWatchOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(new FloorWatchOptions()));

    [Theory]
    [InlineData(0, 50, nameof(FloorWatchOptions.MaxUnappliedRecords))]
    [InlineData(-1, 50, nameof(FloorWatchOptions.MaxUnappliedRecords))]
    [InlineData(200_000, -1, nameof(FloorWatchOptions.ApplyGatherMs))]
    [InlineData(200_000, 1001, nameof(FloorWatchOptions.ApplyGatherMs))]
    public void A_value_out_of_range_is_refused_by_name(int maxUnapplied, int gatherMs, string setting)
    {
        var errors = Errors(new FloorWatchOptions { MaxUnappliedRecords = maxUnapplied, ApplyGatherMs = gatherMs });

        Assert.Equal(setting, Assert.Single(Assert.Single(errors).MemberNames));
    }

    [Fact]
    public void No_wait_between_batches_is_allowed() => Assert.Empty(Errors(new FloorWatchOptions { ApplyGatherMs = 0 }));

    private static List<ValidationResult> Errors(FloorWatchOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }
}
