using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Customers;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Customers;

public sealed class CustomerServiceTests : IDisposable
{
    private readonly CustomerTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("张伟", "张伟")]
    [InlineData("示例贸易", "张伟")]
    [InlineData("批发", "李娜")]
    [InlineData("13800138000", "张伟")]
    [InlineData("1380013", "张伟")]
    [InlineData("138-0013", "张伟")]
    [InlineData("5888", "张伟")]
    [InlineData("0137", "李娜")]
    public async Task SearchFindsByNameCompanyTagOrAnyPartOfANumber(string text, string expected)
    {
        await SeedTwoAsync();

        var page = await _host.Customers.SearchAsync(text, 0, 20);

        Assert.Equal(expected, Assert.Single(page.Items).Name);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task SearchPagesNewestFirstWithTheTotal()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _host.CreateAsync(CustomerTestHost.Model("客户" + i, "1390000000" + i));
        }

        var first = await _host.Customers.SearchAsync("", 0, 2);
        var third = await _host.Customers.SearchAsync(null, 2, 2);
        var byNumber = await _host.Customers.SearchAsync("139000", 1, 3);

        Assert.Equal(5, first.Total);
        Assert.Equal(["客户5", "客户4"], first.Items.Select(c => c.Name));
        Assert.Equal(["客户1"], third.Items.Select(c => c.Name));
        Assert.Equal(5, byNumber.Total);
        Assert.Equal(["客户2", "客户1"], byNumber.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task CreateReportsEveryBadFieldAndSavesNothing()
    {
        var model = new CustomerEditModel
        {
            Name = " ",
            Email = "not-an-address",
            Phones = [new() { Number = "138 0013 8000" }, new() { Number = "1380013800a" }, new() { Number = "1234" }, new() { Number = "13800138000" }],
        };

        var result = await _host.Customers.CreateAsync(model, CustomerTestHost.Actor);

        Assert.Equal(AdminResultStatus.Invalid, result.Status);
        Assert.Equal(CustomerErrorCodes.Required, result.Errors["Name"]);
        Assert.Equal(CustomerErrorCodes.Format, result.Errors["Email"]);
        Assert.False(result.Errors.ContainsKey("Phones[0]"));
        Assert.Equal(CustomerErrorCodes.NotDigits, result.Errors["Phones[1]"]);
        Assert.Equal(CustomerErrorCodes.TooShort, result.Errors["Phones[2]"]);
        Assert.Equal(CustomerErrorCodes.Duplicate, result.Errors["Phones[3]"]);
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task CreateNeedsANumberAndANameOfAtMostAHundredCharacters()
    {
        var result = await _host.Customers.CreateAsync(
            new CustomerEditModel { Name = new string('张', 101), Phones = [new() { Number = "" }] }, CustomerTestHost.Actor);

        Assert.Equal(CustomerErrorCodes.TooLong, result.Errors["Name"]);
        Assert.Equal(CustomerErrorCodes.Required, result.Errors["Phones"]);
        Assert.Equal(CustomerErrorCodes.TooLong, (await _host.Customers.CreateAsync(CustomerTestHost.Model("王五", "1".PadRight(21, '3')), CustomerTestHost.Actor)).Errors["Phones[0]"]);
    }

    [Fact]
    public async Task CreateStoresNumbersAsDigitsTagsCleanedAndIsAudited()
    {
        var model = CustomerTestHost.Model("王芳", "+86 138-0013-8000", "(021) 5888 1234");
        model.Tags = "大客户， 华东,大客户";
        model.Email = "wang.fang@example.cn";

        var id = await _host.CreateAsync(model);

        var detail = (await _host.Customers.GetAsync(id))!;
        Assert.Equal(["02158881234", "8613800138000"], detail.Phones.Select(p => p.Number).Order());
        Assert.Equal(["大客户", "华东"], detail.Tags);
        await using var db = _host.Database.CreateDbContext();
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal(("customer.create", "agent01", id.ToString()), (audit.Action, audit.Actor, audit.EntityId));
    }

    [Fact]
    public async Task CreateFromAScreenPopLinksTheCallInTheSameSave()
    {
        var call = await _host.AddCallAsync(null, CustomerTestHost.Now.AddMinutes(-2), caller: "13912345678");

        var id = await _host.CreateAsync(CustomerTestHost.Model("赵六", "13912345678"), call.Id);

        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(id, (await db.Calls.SingleAsync()).CustomerId);
        Assert.Contains($"call={call.Id}", (await db.AuditLog.SingleAsync()).Details);
    }

    [Fact]
    public async Task CreateLinkingAnUnknownCallSavesNothing()
    {
        var result = await _host.Customers.CreateAsync(CustomerTestHost.Model("赵六", "13912345678"), CustomerTestHost.Actor, Guid.CreateVersion7());

        Assert.Equal(CustomerErrorCodes.UnknownCall, result.Errors["CallId"]);
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task UpdateFromAStaleVersionIsAConflictAndOverwritesNothing()
    {
        var id = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var first = (await _host.Customers.GetAsync(id))!.ToEditModel();
        var second = (await _host.Customers.GetAsync(id))!.ToEditModel();
        first.Company = "上海示例贸易有限公司";
        first.Phones.Add(new CustomerPhoneInput { Number = "02158881234", Kind = PhoneKind.Work });
        second.Company = "别的公司";
        second.IsVip = true;

        Assert.True((await _host.Customers.UpdateAsync(first, CustomerTestHost.Actor)).Succeeded);
        Assert.Equal(AdminResultStatus.Conflict, (await _host.Customers.UpdateAsync(second, CustomerTestHost.Actor)).Status);

        var stored = (await _host.Customers.GetAsync(id))!;
        Assert.Equal("上海示例贸易有限公司", stored.Company);
        Assert.False(stored.IsVip);
        Assert.Equal(2, stored.Phones.Count);
    }

    [Fact]
    public async Task UpdateReplacesTheNumbers()
    {
        var id = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000", "02158881234"));
        var model = (await _host.Customers.GetAsync(id))!.ToEditModel();
        model.Phones = [new() { Number = "13800138000", Kind = PhoneKind.Work }, new() { Number = "13611112222" }];

        Assert.True((await _host.Customers.UpdateAsync(model, CustomerTestHost.Actor)).Succeeded);

        var phones = (await _host.Customers.GetAsync(id))!.Phones;
        Assert.Equal([("13611112222", PhoneKind.Mobile), ("13800138000", PhoneKind.Work)], phones.Select(p => (p.Number, p.Kind)).OrderBy(p => p.Number));
    }

    [Fact]
    public async Task MergeMovesNumbersCallsRecordsAndSmsFillsEmptyFieldsAndDeletesTheDuplicate()
    {
        var survivor = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var duplicateModel = CustomerTestHost.Model("张伟（重复）", "13800138000", "02158881234");
        duplicateModel.Company = "上海示例贸易有限公司";
        duplicateModel.Email = "zw@example.cn";
        duplicateModel.IsVip = true;
        var duplicate = await _host.CreateAsync(duplicateModel);
        var call = await _host.AddCallAsync(duplicate, CustomerTestHost.Now.AddDays(-1));
        var record = await _host.AddRecordAsync(duplicate, call.Id, CustomerTestHost.Now.AddDays(-1));
        var sms = await _host.AddSmsAsync(duplicate, CustomerTestHost.Now.AddDays(-1), "您的报修已受理");
        var versionBefore = (await _host.Customers.GetAsync(survivor))!.Version;

        var result = await _host.Customers.MergeAsync(survivor, duplicate, CustomerTestHost.Actor);

        Assert.True(result.Succeeded);
        Assert.Null(await _host.Customers.GetAsync(duplicate));
        var merged = (await _host.Customers.GetAsync(survivor))!;
        Assert.Equal("张伟", merged.Name);
        Assert.Equal("上海示例贸易有限公司", merged.Company);
        Assert.Equal("zw@example.cn", merged.Email);
        Assert.True(merged.IsVip);
        Assert.NotEqual(versionBefore, merged.Version);
        Assert.Equal(["02158881234", "13800138000"], merged.Phones.Select(p => p.Number).Order());
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(survivor, (await db.Calls.SingleAsync(c => c.Id == call.Id)).CustomerId);
        Assert.Equal(survivor, (await db.ServiceRecords.SingleAsync(r => r.Id == record)).CustomerId);
        Assert.Equal(survivor, (await db.SmsMessages.SingleAsync(m => m.Id == sms)).CustomerId);
        Assert.Equal(2, await db.CustomerPhones.CountAsync());
        var audit = await db.AuditLog.SingleAsync(e => e.Action == "customer.merge");
        Assert.Equal(survivor.ToString(), audit.EntityId);
        Assert.Contains($"duplicate={duplicate}", audit.Details);
    }

    [Fact]
    public async Task MergeOfACustomerIntoItselfOrAnUnknownOneChangesNothing()
    {
        var id = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));

        Assert.Equal(CustomerErrorCodes.SameCustomer, (await _host.Customers.MergeAsync(id, id, CustomerTestHost.Actor)).Errors["DuplicateId"]);
        Assert.Equal(AdminResultStatus.NotFound, (await _host.Customers.MergeAsync(id, Guid.CreateVersion7(), CustomerTestHost.Actor)).Status);
        Assert.NotNull(await _host.Customers.GetAsync(id));
    }

    [Fact]
    public async Task HistoryListsCallsRecordsAndSmsNewestFirstUpToTheLimit()
    {
        var id = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var other = await _host.CreateAsync(CustomerTestHost.Model("李娜", "13700137000"));
        var (_, agentId) = await _host.AddAgentAsync("agent01", "1001");
        var old = await _host.AddCallAsync(id, CustomerTestHost.Now.AddDays(-3), agentId);
        var newest = await _host.AddCallAsync(id, CustomerTestHost.Now.AddDays(-1), agentId);
        var middle = await _host.AddCallAsync(id, CustomerTestHost.Now.AddDays(-2));
        await _host.AddCallAsync(other, CustomerTestHost.Now, caller: "13700137000");
        await _host.AddRecordAsync(id, old.Id, CustomerTestHost.Now.AddDays(-3), "旧");
        await _host.AddRecordAsync(id, newest.Id, CustomerTestHost.Now.AddDays(-1), "新");
        await _host.AddSmsAsync(id, CustomerTestHost.Now.AddDays(-5), "早");
        await _host.AddSmsAsync(id, CustomerTestHost.Now.AddHours(-1), "晚");

        var history = await _host.Customers.HistoryAsync(id, viewer: null, limit: 2);

        Assert.Equal([newest.Id, middle.Id], history.Calls.Select(c => c.CallId));
        Assert.Equal("坐席1001", history.Calls[0].AgentName);
        Assert.Equal(("13800138000", 12, 168, "normal"), (history.Calls[0].Number, history.Calls[0].WaitSeconds, history.Calls[0].TalkSeconds, history.Calls[0].EndCause));
        Assert.Equal(["新", "旧"], history.ServiceRecords.Select(r => r.Content));
        Assert.Equal(["晚", "早"], history.Sms.Select(m => m.Content));
    }

    [Fact]
    public async Task AnAgentMayPlayOnlyItsOwnCallsRecordingsAndALeaderAny()
    {
        var id = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (agentUser, agent) = await _host.AddAgentAsync("agent01", "1001");
        var (_, otherAgent) = await _host.AddAgentAsync("agent02", "1002");
        var (leaderUser, _) = await _host.AddAgentAsync("leader", "1000");
        var own = await _host.AddCallAsync(id, CustomerTestHost.Now.AddHours(-2), agent, recorded: true);
        var others = await _host.AddCallAsync(id, CustomerTestHost.Now.AddHours(-1), otherAgent, recorded: true);
        await _host.AddRecordAsync(id, others.Id, CustomerTestHost.Now.AddHours(-1));

        var asAgent = await _host.Customers.HistoryAsync(id, CustomerTestHost.Viewer(agentUser, "agent01", Roles.Agent));
        var asLeader = await _host.Customers.HistoryAsync(id, CustomerTestHost.Viewer(leaderUser, "leader", Roles.ShiftLeader));
        var records = await _host.Records.ListForCustomerAsync(id, CustomerTestHost.Viewer(agentUser, "agent01", Roles.Agent));

        Assert.Equal([(others.Id, false), (own.Id, true)], asAgent.Calls.Select(c => (c.CallId, c.CanPlay)));
        Assert.All(asAgent.Calls, c => Assert.NotNull(c.RecordingId));
        Assert.All(asLeader.Calls, c => Assert.True(c.CanPlay));
        Assert.Equal(others.RecordingId, Assert.Single(records).RecordingId);
        Assert.False(records[0].CanPlay);
        Assert.True(Assert.Single(asLeader.ServiceRecords).CanPlay);
    }

    private async Task SeedTwoAsync()
    {
        var zhang = CustomerTestHost.Model("张伟", "13800138000", "021-5888-1234");
        zhang.Company = "上海示例贸易有限公司";
        await _host.CreateAsync(zhang);
        var li = CustomerTestHost.Model("李娜", "13700137000");
        li.Company = "北京示例科技有限公司";
        li.Tags = "批发,华北";
        await _host.CreateAsync(li);
    }
}
