using System.Linq.Expressions;
using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Demo;

/// <summary>
/// The SQLite context with the keys of the join entities filled in where the model has none yet.
/// The entity configurations are being written in parallel; until they land, EnsureCreated cannot
/// build the model without these. Each key is added only when missing, so once the configurations
/// exist this context is exactly the production model.
/// </summary>
internal sealed class DemoTestDbContext(DbContextOptions<SqliteCallCenterDbContext> options) : SqliteCallCenterDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        KeyIfMissing<AgentGroupMember>(builder, m => new { m.GroupId, m.AgentId });
        KeyIfMissing<AgentSkill>(builder, s => new { s.AgentId, s.SkillId });
        KeyIfMissing<QueueGroup>(builder, q => new { q.QueueId, q.GroupId });
        KeyIfMissing<QueueSkillRequirement>(builder, q => new { q.QueueId, q.SkillId });
        KeyIfMissing<NoticeGroup>(builder, n => new { n.NoticeId, n.GroupId });
        KeyIfMissing<NoticeReceipt>(builder, r => new { r.NoticeId, r.UserId });
    }

    private static void KeyIfMissing<T>(ModelBuilder builder, Expression<Func<T, object?>> key)
        where T : class
    {
        if (builder.Model.FindEntityType(typeof(T))?.FindPrimaryKey() is null)
        {
            builder.Entity<T>().HasKey(key);
        }
    }
}
