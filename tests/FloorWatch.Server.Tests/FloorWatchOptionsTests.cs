using System.ComponentModel.DataAnnotations;
using FloorWatch.Server.Options;

namespace FloorWatch.Server.Tests;

/// <summary>The bound on records not yet applied refuses a value that would stop ingest, naming the setting.</summary>
public class FloorWatchOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(new FloorWatchOptions()));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_below_one_record_is_refused_by_name(int maxUnapplied)
    {
        var errors = Errors(new FloorWatchOptions { MaxUnappliedRecords = maxUnapplied });

        Assert.Equal(nameof(FloorWatchOptions.MaxUnappliedRecords), Assert.Single(Assert.Single(errors).MemberNames));
    }

    [Fact]
    public void A_limit_of_one_record_is_allowed() => Assert.Empty(Errors(new FloorWatchOptions { MaxUnappliedRecords = 1 }));

    private static List<ValidationResult> Errors(FloorWatchOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }
}
