using System.Text.RegularExpressions;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed partial class DemoCustomerTests(SeededDemoFixture demo)
{
    [Fact]
    public async Task ZhangWeiHasHisCompanyPastCallsAndServiceRecords()
    {
        await using var db = demo.Host.CreateDbContext();
        var phone = await db.CustomerPhones.Include(p => p.Customer).SingleAsync(p => p.Number == "13800138000");
        Assert.Equal("张伟", phone.Customer!.Name);
        Assert.Equal("上海示例贸易有限公司", phone.Customer.Company);
        var numbers = await db.CustomerPhones.Where(p => p.CustomerId == phone.CustomerId).Select(p => p.Number).ToListAsync();
        var calls = await db.Calls.Where(c => c.CustomerId == phone.CustomerId).ToListAsync();
        Assert.True(calls.Count(c => c.CallerNumber == "13800138000" && c.AnsweredAt != null) >= 3, $"{calls.Count} calls");
        Assert.All(calls, c => Assert.Contains(c.CallerNumber, numbers));
        Assert.True(await db.ServiceRecords.CountAsync(r => r.CustomerId == phone.CustomerId) >= 3);
    }

    [Fact]
    public async Task LiNaIsVip()
    {
        await using var db = demo.Host.CreateDbContext();
        var phone = await db.CustomerPhones.Include(p => p.Customer).SingleAsync(p => p.Number == "13700137000");
        Assert.Equal("李娜", phone.Customer!.Name);
        Assert.True(phone.Customer.IsVip);
    }

    [Fact]
    public async Task OneGeneratedCustomerIsFlaggedMalicious()
    {
        await using var db = demo.Host.CreateDbContext();
        var malicious = await db.Customers.Include(c => c.Phones).Where(c => c.IsMalicious).ToListAsync();
        var customer = Assert.Single(malicious);
        Assert.False(customer.IsVip);
        Assert.NotEqual("张伟", customer.Name);
        Assert.DoesNotContain(customer.Phones, p => p.Number is "13800138000" or "13700137000" or "13900139000");
    }

    [Fact]
    public async Task TheHarasserIsBlacklistedAndNobodysNumber()
    {
        await using var db = demo.Host.CreateDbContext();
        var entry = await db.Blacklist.SingleAsync();
        Assert.Equal("13900139000", entry.Number);
        Assert.Equal("恶意骚扰", entry.Reason);
        Assert.False(entry.IsPrefix);
        Assert.False(await db.CustomerPhones.AnyAsync(p => p.Number == "13900139000"));
        Assert.False(await db.Calls.AnyAsync(c => c.CallerNumber == "13900139000"));
    }

    [Fact]
    public async Task GeneratedCustomersHaveWellFormedUniqueNumbers()
    {
        await using var db = demo.Host.CreateDbContext();
        var customers = await db.Customers.Include(c => c.Phones).ToListAsync();
        Assert.InRange(customers.Count, 200, 1000);
        Assert.All(customers, c =>
        {
            Assert.Matches(ChineseName(), c.Name);
            Assert.NotEmpty(c.Phones);
        });
        var phones = customers.SelectMany(c => c.Phones).ToList();
        Assert.Equal(phones.Count, phones.Select(p => p.Number).Distinct().Count());
        Assert.All(phones.Where(p => p.Kind == PhoneKind.Mobile), p => Assert.Matches(Mobile(), p.Number));
        var fixedLines = phones.Where(p => p.Kind != PhoneKind.Mobile).ToList();
        Assert.True(fixedLines.Count >= 30, $"{fixedLines.Count} fixed lines");
        Assert.All(fixedLines, p => Assert.Matches(FixedLine(), p.Number));
        Assert.InRange(customers.Count(c => c.IsVip), 3, customers.Count / 5);
        Assert.True(customers.Count(c => c.Company is not null) > customers.Count / 3);
        Assert.True(customers.Count(c => c.Tags is not null) > customers.Count / 3);
        Assert.All(customers, c => Assert.False(string.IsNullOrWhiteSpace(c.Address)));
    }

    [Fact]
    public async Task TheLeaderHasPublishedNotices()
    {
        await using var db = demo.Host.CreateDbContext();
        var leaderId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var notices = await db.Notices.Include(n => n.Groups).Include(n => n.Receipts).ToListAsync();
        Assert.True(notices.Count >= 2);
        Assert.All(notices, n => Assert.Equal(leaderId, n.AuthorUserId));
        Assert.Contains(notices, n => n.ToEveryone);
        Assert.Contains(notices, n => !n.ToEveryone && n.Groups.Count == 1);
        Assert.Contains(notices, n => n.Receipts.Count > 0);
    }

    [Fact]
    public async Task TheInformationServiceHasItems()
    {
        await using var db = demo.Host.CreateDbContext();
        var items = await db.InfoItems.ToListAsync();
        Assert.True(items.Count >= 3);
        Assert.Equal(items.Count, items.Select(i => i.Code).Distinct().Count());
        Assert.All(items, i =>
        {
            Assert.Matches("^[0-9]+$", i.Code);
            Assert.Matches(ChineseName(), i.Title);
            Assert.False(string.IsNullOrWhiteSpace(i.Content));
        });
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,}$")]
    private static partial Regex ChineseName();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    // Area code (010, 021... or 0755, 0571...) and an eight-digit local number, digits only.
    [GeneratedRegex("^0[1-9][0-9]{9,10}$")]
    private static partial Regex FixedLine();
}
