using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Demo;

/// <summary>A few 业务通知 from the shift leader, some already read.</summary>
internal static class DemoNoticeSeeder
{
    /// <summary>Seeds the part unless the leader has published a notice; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(
        CallCenterDbContext db, IReadOnlyDictionary<string, Guid> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!userIds.TryGetValue(DemoContract.LeaderUserName, out var leaderId)
            || await db.Notices.AnyAsync(n => n.AuthorUserId == leaderId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var salesGroupId = await db.AgentGroups.Where(g => g.Name == DemoContract.SalesGroup)
            .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var leaderName = DemoContract.Staff.First(s => s.UserName == DemoContract.LeaderUserName).DisplayName;

        var rota = Notice(leaderId, leaderName, now.AddDays(-3), "本周排班调整通知",
            "各位同事：因近期来电量增加，本周六、周日客服组各增加一名值班人员，具体安排请查看排班表。如有冲突请于周四前联系班长调整。");
        var promotion = Notice(leaderId, leaderName, now.AddDays(-6), "新品促销话术更新",
            "销售组各位：本月促销活动已上线，企业版满一千元立减一百元，活动截至月底。接听咨询时请主动介绍，并在受理记录中注明“促销咨询”。");
        var upgrade = Notice(leaderId, leaderName, now.AddDays(-1), "系统升级通知",
            "本周五22:00至23:00系统升级，期间请勿签入坐席；升级完成后请重新签入并检查话机注册状态。");
        upgrade.ExpiresAt = now.AddDays(5);
        if (salesGroupId is { } groupId)
        {
            promotion.ToEveryone = false;
            promotion.Groups.Add(new NoticeGroup { Notice = promotion, GroupId = groupId });
        }

        AddReceipts(rota, userIds, ["agent01", "agent02", "agent03", "agent06", "agent07", "agent08", "supervisor"], now.AddDays(-3));
        AddReceipts(promotion, userIds, ["agent01", "agent02", "agent04"], now.AddDays(-6));
        db.Notices.AddRange(rota, promotion, upgrade);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Notice Notice(Guid authorId, string authorName, DateTimeOffset publishAt, string title, string body) => new()
    {
        Title = title,
        Body = body,
        AuthorUserId = authorId,
        AuthorName = authorName,
        PublishAt = publishAt,
        CreatedAt = publishAt.AddMinutes(-20),
        UpdatedAt = publishAt.AddMinutes(-20),
    };

    private static void AddReceipts(Notice notice, IReadOnlyDictionary<string, Guid> userIds, string[] readers, DateTimeOffset publishedAt)
    {
        for (var i = 0; i < readers.Length; i++)
        {
            if (userIds.TryGetValue(readers[i], out var userId))
            {
                notice.Receipts.Add(new NoticeReceipt { Notice = notice, UserId = userId, ReadAt = publishedAt.AddMinutes(15 + (i * 37)) });
            }
        }
    }
}
