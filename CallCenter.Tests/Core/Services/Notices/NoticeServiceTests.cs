using CallCenter.Core.Domain;
using CallCenter.Core.Services.Notices;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Notices;

public sealed class NoticeServiceTests : IAsyncLifetime, IDisposable
{
    private readonly NoticeTestHost _host = new();
    private Guid _sales;
    private Guid _support;
    private Guid _leader;
    private Guid _salesAgent;
    private Guid _supportAgent;
    private Guid _supervisor;

    private NoticeActor Leader => NoticeTestHost.ActorFor(_leader, Roles.ShiftLeader);

    public async Task InitializeAsync()
    {
        _sales = await _host.AddGroupAsync("销售组");
        _support = await _host.AddGroupAsync("客服组");
        _leader = (await _host.AddUserAsync("leader", "1000", _sales, _support)).UserId;
        _salesAgent = (await _host.AddUserAsync("agent01", "1001", _sales)).UserId;
        _supportAgent = (await _host.AddUserAsync("agent06", "1006", _support)).UserId;
        _supervisor = (await _host.AddUserAsync("supervisor")).UserId;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreateNamesEveryInvalidFieldAndSavesNothing()
    {
        var model = new NoticeEditModel
        {
            Title = "  ",
            Body = new string('字', NoticeRules.BodyMaxLength + 1),
            ToEveryone = false,
            PublishAt = NoticeTestHost.Start.AddHours(1),
            ExpiresAt = NoticeTestHost.Start.AddHours(1),
        };

        var result = await _host.Notices.CreateAsync(model, Leader);

        Assert.Equal(NoticeResultStatus.Invalid, result.Status);
        Assert.Equal(NoticeErrorCodes.Required, result.Errors[nameof(NoticeEditModel.Title)]);
        Assert.Equal(NoticeErrorCodes.TooLong, result.Errors[nameof(NoticeEditModel.Body)]);
        Assert.Equal(NoticeErrorCodes.GroupsRequired, result.Errors[nameof(NoticeEditModel.GroupIds)]);
        Assert.Equal(NoticeErrorCodes.ExpiryNotAfterPublish, result.Errors[nameof(NoticeEditModel.ExpiresAt)]);
        await using var db = _host.Database.CreateDbContext();
        Assert.False(await db.Notices.AnyAsync());
        Assert.False(await db.AuditLog.AnyAsync());
    }

    [Fact]
    public async Task TitleOfMoreThanAHundredCharactersAndAnUnknownGroupAreRefused()
    {
        var model = NoticeTestHost.Model(new string('题', NoticeRules.TitleMaxLength + 1), Guid.NewGuid());

        var result = await _host.Notices.CreateAsync(model, Leader);

        Assert.Equal(NoticeErrorCodes.TooLong, result.Errors[nameof(NoticeEditModel.Title)]);
        Assert.Equal(NoticeErrorCodes.UnknownGroup, result.Errors[nameof(NoticeEditModel.GroupIds)]);
        Assert.False(result.Errors.ContainsKey(nameof(NoticeEditModel.Body)));
    }

    [Fact]
    public async Task AnAgentIsRefusedToPost()
    {
        var result = await _host.Notices.CreateAsync(NoticeTestHost.Model("代发通知"), NoticeTestHost.ActorFor(_salesAgent, Roles.Agent));

        Assert.Equal(NoticeResultStatus.Forbidden, result.Status);
        await using var db = _host.Database.CreateDbContext();
        Assert.False(await db.Notices.AnyAsync());
    }

    [Fact]
    public async Task ANoticeToSalesReachesOnlyTheSalesGroupAndOneToEveryoneReachesAll()
    {
        var toSales = await CreateAsync(NoticeTestHost.Model("销售话术", _sales));
        var toEveryone = await CreateAsync(NoticeTestHost.Model("系统升级"));

        Assert.Equal([toSales, toEveryone], (await _host.Notices.InboxAsync(_salesAgent)).Select(n => n.Id).Order());
        Assert.Equal([toEveryone], (await _host.Notices.InboxAsync(_supportAgent)).Select(n => n.Id));
        Assert.Equal([toEveryone], (await _host.Notices.InboxAsync(_supervisor)).Select(n => n.Id));

        await using var db = _host.Database.CreateDbContext();
        var stored = await db.Notices.Include(n => n.Groups).SingleAsync(n => n.Id == toSales);
        Assert.Equal(("名leader", false, _sales), (stored.AuthorName, stored.ToEveryone, Assert.Single(stored.Groups).GroupId));
    }

    [Fact]
    public async Task InboxListsUnreadFirstThenNewestAndOnlyWithinThePublishWindow()
    {
        var older = await CreateAsync(NoticeTestHost.Model("早一点的"));
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await CreateAsync(NoticeTestHost.Model("晚一点的"));
        var scheduled = NoticeTestHost.Model("明天发布");
        scheduled.PublishAt = _host.Clock.GetUtcNow().AddDays(1);
        var scheduledId = await CreateAsync(scheduled);
        var expiring = NoticeTestHost.Model("一小时后过期");
        expiring.ExpiresAt = _host.Clock.GetUtcNow().AddHours(1);
        var expiringId = await CreateAsync(expiring);
        Assert.True(await _host.Notices.MarkReadAsync(newer, _salesAgent));

        var inbox = await _host.Notices.InboxAsync(_salesAgent);

        Assert.Equal([expiringId, older, newer], inbox.Select(n => n.Id));
        Assert.Equal([false, false, true], inbox.Select(n => n.IsRead));
        Assert.Equal(TimeSpan.FromHours(8), inbox[0].PublishAt.Offset);

        _host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.DoesNotContain(expiringId, (await _host.Notices.InboxAsync(_salesAgent)).Select(n => n.Id));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(scheduledId, (await _host.Notices.InboxAsync(_salesAgent))[0].Id);
    }

    [Fact]
    public async Task UnreadCountFallsOnceWhenANoticeIsReadTwice()
    {
        var first = await CreateAsync(NoticeTestHost.Model("一"));
        await CreateAsync(NoticeTestHost.Model("二", _sales));
        var reads = new List<NoticeChange>();
        using var subscription = _host.Notifier.Subscribe(c =>
        {
            reads.Add(c);
            return Task.CompletedTask;
        });
        Assert.Equal(2, await _host.Notices.UnreadCountAsync(_salesAgent));

        Assert.True(await _host.Notices.MarkReadAsync(first, _salesAgent));
        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await _host.Notices.MarkReadAsync(first, _salesAgent));

        Assert.Equal(1, await _host.Notices.UnreadCountAsync(_salesAgent));
        await using var db = _host.Database.CreateDbContext();
        var receipt = await db.NoticeReceipts.SingleAsync();
        Assert.Equal(NoticeTestHost.Start, receipt.ReadAt);
        Assert.Equal([new NoticeChange(first, NoticeChangeKind.Read, _salesAgent)], reads);
    }

    [Fact]
    public async Task AUserCannotMarkReadANoticeNotAddressedToIt()
    {
        var toSales = await CreateAsync(NoticeTestHost.Model("销售专用", _sales));

        Assert.False(await _host.Notices.MarkReadAsync(toSales, _supportAgent));
        Assert.Null(await _host.Notices.GetForReaderAsync(toSales, _supportAgent));
        Assert.Equal("销售专用", (await _host.Notices.GetForReaderAsync(toSales, _salesAgent))!.Title);
        await using var db = _host.Database.CreateDbContext();
        Assert.False(await db.NoticeReceipts.AnyAsync());
    }

    [Fact]
    public async Task TheAuthorSeesWhoReadItWhenAndWhoOfTheAudienceHasNot()
    {
        var id = await CreateAsync(NoticeTestHost.Model("全员通知"));
        _host.Clock.Advance(TimeSpan.FromMinutes(3));
        await _host.Notices.MarkReadAsync(id, _supportAgent);
        // The author reading its own notice leaves no receipt and is in neither list.
        await _host.Notices.MarkReadAsync(id, _leader);

        var receipts = (await _host.Notices.ReceiptsAsync(id, Leader))!;

        var reader = Assert.Single(receipts.Read);
        Assert.Equal(("agent06", NoticeTestHost.Start.AddMinutes(3)), (reader.UserName, reader.ReadAt));
        Assert.Equal(["agent01", "supervisor"], receipts.Unread.Select(u => u.UserName));
        var summary = Assert.Single(await _host.Notices.ListForAuthorAsync(_leader));
        Assert.Equal((1, 3, NoticeState.Published), (summary.ReadCount, summary.AudienceCount, summary.State));
    }

    [Fact]
    public async Task ReceiptsOfAGroupNoticeListOnlyTheGroupAndAreHiddenFromAgents()
    {
        var id = await CreateAsync(NoticeTestHost.Model("客服组培训", _support));

        var receipts = (await _host.Notices.ReceiptsAsync(id, NoticeTestHost.ActorFor(_supervisor, Roles.Supervisor)))!;

        Assert.Empty(receipts.Read);
        Assert.Equal(["agent06"], receipts.Unread.Select(u => u.UserName));
        Assert.Null(await _host.Notices.ReceiptsAsync(id, NoticeTestHost.ActorFor(_supportAgent, Roles.Agent)));
    }

    [Fact]
    public async Task ExpireTakesItOutOfEveryInboxAndEveryChangeIsAudited()
    {
        var id = await CreateAsync(NoticeTestHost.Model("临时通知"));
        var model = (await _host.Notices.GetAsync(id))!;
        model.Body = "改过的正文";
        Assert.True((await _host.Notices.UpdateAsync(model, Leader)).Succeeded);
        Assert.Equal(1, await _host.Notices.UnreadCountAsync(_salesAgent));
        var version = (await _host.Notices.GetAsync(id))!.Version;

        var result = await _host.Notices.ExpireAsync(id, version, Leader);

        Assert.True(result.Succeeded);
        Assert.Empty(await _host.Notices.InboxAsync(_salesAgent));
        Assert.Equal(0, await _host.Notices.UnreadCountAsync(_salesAgent));
        Assert.Equal(NoticeState.Expired, Assert.Single(await _host.Notices.ListAllAsync()).State);
        await using var db = _host.Database.CreateDbContext();
        var audit = await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["notice.create", "notice.update", "notice.expire"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal((id.ToString(), "10.0.0.7"), (e.EntityId, e.RemoteAddress)));
    }

    [Fact]
    public async Task ASecondEditorGetsAConflictAndAnotherLeaderIsRefused()
    {
        var id = await CreateAsync(NoticeTestHost.Model("排班"));
        var first = (await _host.Notices.GetAsync(id))!;
        var second = (await _host.Notices.GetAsync(id))!;
        first.Title = "排班（修订）";
        second.Title = "排班（另一版）";
        var otherLeader = (await _host.AddUserAsync("leader2", "1011")).UserId;

        Assert.True((await _host.Notices.UpdateAsync(first, Leader)).Succeeded);
        Assert.Equal(NoticeResultStatus.Conflict, (await _host.Notices.UpdateAsync(second, Leader)).Status);
        Assert.Equal(NoticeResultStatus.Forbidden, (await _host.Notices.ExpireAsync(id, first.Version, NoticeTestHost.ActorFor(otherLeader, Roles.ShiftLeader))).Status);
        Assert.Equal("排班（修订）", (await _host.Notices.GetAsync(id))!.Title);
    }

    [Fact]
    public async Task SubscribersHearOfAPostUntilTheyDisposeTheirSubscription()
    {
        var heard = new List<NoticeChange>();
        var subscription = _host.Notifier.Subscribe(c =>
        {
            heard.Add(c);
            return Task.CompletedTask;
        });
        using var failing = _host.Notifier.Subscribe(_ => throw new ObjectDisposedException("circuit"));

        var id = await CreateAsync(NoticeTestHost.Model("第一条"));
        subscription.Dispose();
        await CreateAsync(NoticeTestHost.Model("第二条"));

        Assert.Equal([new NoticeChange(id, NoticeChangeKind.Created, _leader)], heard);
    }

    private async Task<Guid> CreateAsync(NoticeEditModel model)
    {
        var result = await _host.Notices.CreateAsync(model, Leader);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + "=" + e.Value)));
        return result.Id!.Value;
    }
}
