using System.Text;
using System.Text.Json;
using FloorWatch.Domain.Events;

namespace FloorWatch.Domain.Tests;

/// <summary>Values a feed repeats are made once; every value still reads as itself, and the pool stays bounded.</summary>
public class RepeatedStringsTests
{
    private static string Read(RepeatedStrings strings, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return strings.Get(ref reader);
    }

    [Fact]
    public void A_repeated_value_is_the_same_string()
    {
        var strings = new RepeatedStrings(capacity: 10);

        var first = Read(strings, "\"A0001\"");
        var again = Read(strings, "\"A0001\"");

        Assert.Equal("A0001", first);
        Assert.Same(first, again);
        Assert.Equal(1, strings.Count);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"\\u5750\\u5e2d\"", "坐席")]
    [InlineData("\"坐席 07\"", "坐席 07")]
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]
    public void Escaped_and_non_ASCII_values_read_as_themselves(string json, string expected)
    {
        var strings = new RepeatedStrings(capacity: 10);

        Assert.Equal(expected, Read(strings, json));
        Assert.Same(Read(strings, json), Read(strings, json));
    }

    [Fact]
    public void A_long_value_is_read_whole_and_not_kept()
    {
        var strings = new RepeatedStrings(capacity: 10);
        var value = new string('x', RepeatedStrings.MaxLength + 1);

        Assert.Equal(value, Read(strings, $"\"{value}\""));
        Assert.Equal(0, strings.Count);
    }

    [Fact]
    public void Past_its_capacity_new_values_are_still_read_but_not_kept()
    {
        var strings = new RepeatedStrings(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal($"q{i}", Read(strings, $"\"q{i}\""));
        }

        Assert.Equal(3, strings.Count);
        Assert.Same(Read(strings, "\"q0\""), Read(strings, "\"q0\""));
        Assert.NotSame(Read(strings, "\"q9\""), Read(strings, "\"q9\""));
    }

    [Fact]
    public void A_value_that_is_not_UTF_8_is_refused_as_the_reader_refuses_it()
    {
        var strings = new RepeatedStrings(capacity: 10);
        byte[] json = [(byte)'"', (byte)'A', 0xC3, 0x28, (byte)'"'];

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return strings.Get(ref reader);
        });
    }

    [Fact]
    public void Values_read_at_once_from_many_threads_are_each_themselves()
    {
        var strings = new RepeatedStrings(capacity: 1000);
        Parallel.For(0, 20_000, i =>
        {
            var value = $"A{i % 500}";
            Assert.Equal(value, Read(strings, $"\"{value}\""));
        });

        Assert.Equal(500, strings.Count);
    }
}
