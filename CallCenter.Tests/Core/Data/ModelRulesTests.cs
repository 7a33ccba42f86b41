using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CallCenter.Tests.Core.Data;

/// <summary>Rules every entity must keep, checked over the whole SQL Server model so new ones are covered.</summary>
public sealed class ModelRulesTests : IDisposable
{
    private readonly SqlServerCallCenterDbContext _db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);

    [Fact]
    public void EnumsAreStoredAsBoundedText()
    {
        var enums = Properties().Where(p => p.ClrType.IsEnum).ToList();

        Assert.Contains(enums, p => p.ClrType == typeof(AgentState));
        Assert.All(enums, p =>
        {
            Assert.True(p.GetProviderClrType() == typeof(string), $"{Name(p)} is not stored as text");
            Assert.True(p.GetMaxLength() is > 0, $"{Name(p)} has no max length");
        });
    }

    [Fact]
    public void EveryIndexedOrKeyStringHasAMaxLength()
    {
        // SQL Server cannot index nvarchar(max).
        var indexed = _db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties).Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => p.GetProviderClrType() == typeof(string) || p.ClrType == typeof(string))
            .Distinct()
            .ToList();

        Assert.Contains(indexed, p => p.DeclaringType.ClrType == typeof(CustomerPhone) && p.Name == nameof(CustomerPhone.Number));
        Assert.All(indexed, p => Assert.True(p.GetMaxLength() is > 0, $"{Name(p)} is indexed but unbounded"));
    }

    [Fact]
    public void DatabaseGeneratedLongIdentities()
    {
        foreach (var type in new[] { typeof(AgentStateInterval), typeof(AuditLogEntry) })
        {
            var id = _db.Model.FindEntityType(type)!.FindPrimaryKey()!.Properties.Single();
            Assert.Equal(typeof(long), id.ClrType);
            Assert.Equal(ValueGenerated.OnAdd, id.ValueGenerated);
        }
    }

    [Theory]
    [InlineData(typeof(Customer), typeof(CustomerPhone))]
    [InlineData(typeof(Call), typeof(CallLeg))]
    [InlineData(typeof(Notice), typeof(NoticeGroup))]
    [InlineData(typeof(Notice), typeof(NoticeReceipt))]
    [InlineData(typeof(Survey), typeof(SurveyQuestion))]
    [InlineData(typeof(SurveyResponse), typeof(SurveyAnswer))]
    [InlineData(typeof(SmsTask), typeof(SmsMessage))]
    [InlineData(typeof(Recording), typeof(RecordingAnnotation))]
    [InlineData(typeof(AgentGroup), typeof(AgentGroupMember))]
    [InlineData(typeof(Agent), typeof(AgentGroupMember))]
    [InlineData(typeof(CallQueue), typeof(QueueGroup))]
    [InlineData(typeof(CallQueue), typeof(QueueSkillRequirement))]
    public void OwnersDeleteWhatTheyOwn(Type owner, Type owned)
    {
        var foreignKey = _db.Model.FindEntityType(owned)!.GetForeignKeys().Single(f => f.PrincipalEntityType.ClrType == owner);
        Assert.Equal(DeleteBehavior.Cascade, foreignKey.DeleteBehavior);
    }

    [Theory]
    [InlineData(typeof(Call), typeof(Agent))]
    [InlineData(typeof(Call), typeof(CallQueue))]
    [InlineData(typeof(AgentStateInterval), typeof(Agent))]
    [InlineData(typeof(ServiceRecord), typeof(Customer))]
    public void HistoryIsNotDeletedWithWhatItRefersTo(Type history, Type referenced)
    {
        var foreignKey = _db.Model.FindEntityType(history)!.GetForeignKeys().Single(f => f.PrincipalEntityType.ClrType == referenced);
        Assert.Equal(DeleteBehavior.Restrict, foreignKey.DeleteBehavior);
    }

    [Fact]
    public void SqlServerAcceptsTheCascadePaths()
    {
        var problems = SqlServerCascadePaths.Problems(_db.Model);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void CascadePathCheckFindsTwoPathsToOneTable()
    {
        // The check above must be able to fail: Customer -> Call -> ServiceRecord plus a direct
        // Customer -> ServiceRecord cascade is the classic rejected schema.
        var edges = new[]
        {
            ("Customers", "Calls"),
            ("Calls", "ServiceRecords"),
            ("Customers", "ServiceRecords"),
        };
        Assert.Contains(SqlServerCascadePaths.Problems(edges), p => p.Contains("ServiceRecords", StringComparison.Ordinal));
        Assert.NotEmpty(SqlServerCascadePaths.Problems([("A", "B"), ("B", "A")]));
        Assert.Empty(SqlServerCascadePaths.Problems([("A", "B"), ("B", "C"), ("A", "D")]));
    }

    private IEnumerable<IProperty> Properties() => _db.Model.GetEntityTypes().SelectMany(e => e.GetProperties());

    private static string Name(IReadOnlyProperty p) => $"{p.DeclaringType.DisplayName()}.{p.Name}";

    public void Dispose() => _db.Dispose();
}
