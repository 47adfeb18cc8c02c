using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Tests;

/// <summary>The journal writer's wait for the centers: at once within the limit, else until enough is applied.</summary>
public class ApplyBacklogTests
{
    [Fact]
    public void Within_the_limit_there_is_no_wait()
    {
        var backlog = new ApplyBacklog(10);
        backlog.Added(10);

        Assert.True(backlog.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(10, backlog.Count);
    }

    [Fact]
    public async Task Over_the_limit_the_wait_ends_only_when_the_backlog_is_back_within_it()
    {
        var backlog = new ApplyBacklog(10);
        backlog.Added(25);
        var wait = backlog.WaitForRoomAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        backlog.Applied(10);
        Assert.False(wait.IsCompleted);
        Assert.Equal(15, backlog.Count);

        backlog.Applied(5);
        await wait;
        Assert.Equal(10, backlog.Count);
    }

    [Fact]
    public async Task Waiters_that_came_apart_are_all_let_go()
    {
        var backlog = new ApplyBacklog(1);
        backlog.Added(3);
        var first = backlog.WaitForRoomAsync(CancellationToken.None);
        var second = backlog.WaitForRoomAsync(CancellationToken.None);

        backlog.Applied(3);

        await Task.WhenAll(first, second);
        Assert.Equal(0, backlog.Count);
    }

    [Fact]
    public async Task A_wait_after_a_release_waits_for_the_next_one()
    {
        var backlog = new ApplyBacklog(1);
        backlog.Added(2);
        var first = backlog.WaitForRoomAsync(CancellationToken.None);
        backlog.Applied(2);
        await first;

        backlog.Added(5);
        var second = backlog.WaitForRoomAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        backlog.Applied(4);
        await second;
    }

    [Fact]
    public async Task A_cancelled_wait_ends_with_the_cancellation()
    {
        var backlog = new ApplyBacklog(1);
        backlog.Added(2);
        using var stop = new CancellationTokenSource();
        var wait = backlog.WaitForRoomAsync(stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_limit_below_one_is_refused(long limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApplyBacklog(limit));
}
