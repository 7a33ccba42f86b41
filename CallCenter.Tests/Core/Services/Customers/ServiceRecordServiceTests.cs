using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.ServiceRecords;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Customers;

public sealed class ServiceRecordServiceTests : IDisposable
{
    private readonly CustomerTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreateRefusesAnUnknownCategoryNoContentTooLongContentAndAPastFollowUp()
    {
        var customer = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));

        var first = await _host.Records.CreateAsync(new ServiceRecordEditModel
        {
            CustomerId = customer,
            Category = "售后",
            Content = "  ",
            FollowUpAt = _host.Clock.GetUtcNow().AddMinutes(-1),
        }, CustomerTestHost.Actor);
        var second = await _host.Records.CreateAsync(new ServiceRecordEditModel
        {
            CustomerId = Guid.CreateVersion7(),
            CallId = Guid.CreateVersion7(),
            Category = "",
            Content = new string('修', ServiceRecordService.ContentMaxLength + 1),
        }, CustomerTestHost.Actor);

        Assert.Equal(CustomerErrorCodes.UnknownCategory, first.Errors["Category"]);
        Assert.Equal(CustomerErrorCodes.Required, first.Errors["Content"]);
        Assert.Equal(CustomerErrorCodes.FollowUpInPast, first.Errors["FollowUpAt"]);
        Assert.Equal(CustomerErrorCodes.Required, second.Errors["Category"]);
        Assert.Equal(CustomerErrorCodes.TooLong, second.Errors["Content"]);
        Assert.Equal(CustomerErrorCodes.UnknownCustomer, second.Errors["CustomerId"]);
        Assert.Equal(CustomerErrorCodes.UnknownCall, second.Errors["CallId"]);
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(0, await db.ServiceRecords.CountAsync());
    }

    [Theory]
    [InlineData("报修", ServiceRecordCategories.Repair)]
    [InlineData("complaint", ServiceRecordCategories.Complaint)]
    [InlineData("Other", ServiceRecordCategories.Other)]
    public async Task CreateStoresTheCategoryCodeLinkedToTheCallAndAgent(string category, string code)
    {
        var customer = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (_, agent) = await _host.AddAgentAsync("agent01", "1001");
        var call = await _host.AddCallAsync(customer, CustomerTestHost.Now.AddMinutes(-5), agent, recorded: true);

        var result = await _host.Records.CreateAsync(new ServiceRecordEditModel
        {
            CustomerId = customer,
            CallId = call.Id,
            AgentId = agent,
            Category = category,
            Content = "空调不制冷，预约明天上门。",
            Status = ServiceRecordStatus.InProgress,
            FollowUpAt = CustomerTestHost.Now.AddDays(1),
        }, CustomerTestHost.Actor);

        Assert.True(result.Succeeded);
        var entry = Assert.Single(await _host.Records.ListForCustomerAsync(customer, null));
        Assert.Equal((code, ServiceRecordStatus.InProgress, "坐席1001", call.RecordingId), (entry.Category, entry.Status, entry.AgentName, entry.RecordingId));
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == "service-record.create" && e.EntityId == result.Id.ToString()));
    }

    [Fact]
    public async Task UpdateFromAStaleVersionIsAConflictAndClosingKeepsAPassedFollowUp()
    {
        var customer = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var created = await _host.Records.CreateAsync(new ServiceRecordEditModel
        {
            CustomerId = customer,
            Category = ServiceRecordCategories.Complaint,
            Content = "快递延迟",
            FollowUpAt = CustomerTestHost.Now.AddHours(2),
        }, CustomerTestHost.Actor);
        Assert.True(created.Succeeded);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var first = (await _host.Records.ListForCustomerAsync(customer, null)).Single().ToEditModel();
        var second = (await _host.Records.ListForCustomerAsync(customer, null)).Single().ToEditModel();
        first.Status = ServiceRecordStatus.Closed;
        first.Content = "快递延迟，已加急并致歉";
        second.Status = ServiceRecordStatus.Open;

        Assert.True((await _host.Records.UpdateAsync(first, CustomerTestHost.Actor)).Succeeded);
        Assert.Equal(AdminResultStatus.Conflict, (await _host.Records.UpdateAsync(second, CustomerTestHost.Actor)).Status);

        var stored = (await _host.Records.ListForCustomerAsync(customer, null)).Single();
        Assert.Equal((ServiceRecordStatus.Closed, "快递延迟，已加急并致歉"), (stored.Status, stored.Content));
        var moved = stored.ToEditModel();
        moved.FollowUpAt = _host.Clock.GetUtcNow().AddHours(-1);
        Assert.Equal(CustomerErrorCodes.FollowUpInPast, (await _host.Records.UpdateAsync(moved, CustomerTestHost.Actor)).Errors["FollowUpAt"]);
    }
}
