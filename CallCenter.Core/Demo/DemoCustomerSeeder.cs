using System.Globalization;
using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Demo;

/// <summary>A few hundred generated customers plus the contract's fixed ones, in one SaveChanges.</summary>
internal static class DemoCustomerSeeder
{
    public const int GeneratedCount = 300;
    private const int Seed = 20260202;

    /// <summary>The generated customer flagged malicious (恶意来电), so the screen pop's warning has a case to show.</summary>
    public const int MaliciousIndex = 13;

    /// <summary>Seeds the part unless 张伟's number is already a customer's; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(CallCenterDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CustomerPhones.AnyAsync(p => p.Number == DemoContract.ZhangWeiNumber, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var random = new Random(Seed);
        // The blacklisted number belongs to nobody (the contract lists it without a name).
        var taken = new HashSet<string>(StringComparer.Ordinal)
        {
            DemoContract.ZhangWeiNumber, DemoContract.LiNaNumber, DemoContract.BlacklistedNumber,
        };
        var customers = new List<Customer> { ZhangWei(now), LiNa(now) };
        for (var i = 0; i < GeneratedCount; i++)
        {
            customers.Add(Generate(i, random, taken, now));
        }

        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Customer ZhangWei(DateTimeOffset now)
    {
        var customer = new Customer
        {
            Name = "张伟",
            Company = DemoContract.ZhangWeiCompany,
            Address = "上海市浦东新区世纪大道88号金茂中心21楼",
            Email = "zhangwei@example.com",
            Tags = "老客户,企业客户",
            Notes = "采购部经理，负责公司办公设备采购",
            CreatedAt = now.AddDays(-420),
            UpdatedAt = now.AddDays(-2),
        };
        customer.Phones.Add(new CustomerPhone { Number = DemoContract.ZhangWeiNumber, Kind = PhoneKind.Mobile });
        customer.Phones.Add(new CustomerPhone { Number = "02158881234", Kind = PhoneKind.Work });
        return customer;
    }

    private static Customer LiNa(DateTimeOffset now)
    {
        var customer = new Customer
        {
            Name = "李娜",
            Company = "杭州瑞丰信息技术有限公司",
            Address = "杭州市滨江区江南大道1888号",
            Tags = "重点跟进,企业客户",
            IsVip = true,
            Notes = "VIP客户，来电请优先接待并由组长回访",
            CreatedAt = now.AddDays(-610),
            UpdatedAt = now.AddDays(-9),
        };
        customer.Phones.Add(new CustomerPhone { Number = DemoContract.LiNaNumber, Kind = PhoneKind.Mobile });
        return customer;
    }

    private static Customer Generate(int index, Random random, HashSet<string> taken, DateTimeOffset now)
    {
        var (city, areaCode, districts) = random.Pick(DemoNames.Cities);
        var createdAt = now.AddDays(-random.Next(35, 730)).AddMinutes(-random.Next(0, 24 * 60));
        var hasCompany = random.NextDouble() < 0.6;
        var isVip = random.NextDouble() < 0.05;
        var customer = new Customer
        {
            Name = DemoNames.PersonName(random),
            Company = hasCompany ? city[..^1] + random.Pick(DemoNames.CompanyWords) + random.Pick(DemoNames.CompanyKinds) : null,
            Address = $"{city}{random.Pick(districts)}{random.Pick(DemoNames.Roads)}{random.Next(1, 999)}号",
            Email = random.NextDouble() < 0.3 ? string.Create(CultureInfo.InvariantCulture, $"customer{index + 1:D3}@example.com") : null,
            Tags = Tags(random),
            IsVip = isVip,
            // Set without drawing from the Random, so every other generated value stays what it was.
            IsMalicious = index == MaliciousIndex,
            Notes = isVip ? random.Pick(DemoNames.VipNotes) : null,
            CreatedAt = createdAt,
            UpdatedAt = createdAt.AddDays(random.Next(0, 30)),
        };
        customer.Phones.Add(new CustomerPhone { Number = Unique(taken, () => DemoNames.MobileNumber(random)), Kind = PhoneKind.Mobile });
        if (random.NextDouble() < 0.35)
        {
            var kind = hasCompany ? PhoneKind.Work : PhoneKind.FixedLine;
            customer.Phones.Add(new CustomerPhone { Number = Unique(taken, () => DemoNames.FixedLineNumber(random, areaCode)), Kind = kind });
        }
        return customer;
    }

    private static string? Tags(Random random)
    {
        var count = random.Next(0, 3);
        var tags = Enumerable.Range(0, count).Select(_ => random.Pick(DemoNames.Tags)).Distinct().ToList();
        return tags.Count == 0 ? null : string.Join(',', tags);
    }

    private static string Unique(HashSet<string> taken, Func<string> next)
    {
        while (true)
        {
            var number = next();
            if (taken.Add(number))
            {
                return number;
            }
        }
    }
}
