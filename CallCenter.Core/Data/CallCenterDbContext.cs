using CallCenter.Core.Data.Configurations;
using CallCenter.Core.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CallCenter.Core.Data;

/// <summary>
/// The one database of the product: Identity tables plus the whole domain. Each provider has a
/// derived context that owns its migrations (SqliteCallCenterDbContext, SqlServerCallCenterDbContext);
/// everything else uses this type.
/// </summary>
public class CallCenterDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<AgentGroup> AgentGroups => Set<AgentGroup>();
    public DbSet<AgentGroupMember> AgentGroupMembers => Set<AgentGroupMember>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<AgentSkill> AgentSkills => Set<AgentSkill>();
    public DbSet<CallQueue> Queues => Set<CallQueue>();
    public DbSet<QueueGroup> QueueGroups => Set<QueueGroup>();
    public DbSet<QueueSkillRequirement> QueueSkillRequirements => Set<QueueSkillRequirement>();
    public DbSet<DialledNumber> DialledNumbers => Set<DialledNumber>();
    public DbSet<Trunk> Trunks => Set<Trunk>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerPhone> CustomerPhones => Set<CustomerPhone>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<CallLeg> CallLegs => Set<CallLeg>();
    public DbSet<AgentStateInterval> AgentStateIntervals => Set<AgentStateInterval>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<RecordingAnnotation> RecordingAnnotations => Set<RecordingAnnotation>();
    public DbSet<Voicemail> Voicemails => Set<Voicemail>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeGroup> NoticeGroups => Set<NoticeGroup>();
    public DbSet<NoticeReceipt> NoticeReceipts => Set<NoticeReceipt>();
    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();
    public DbSet<SmsTask> SmsTasks => Set<SmsTask>();
    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();
    public DbSet<FaxJob> FaxJobs => Set<FaxJob>();
    public DbSet<IvrFlow> IvrFlows => Set<IvrFlow>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<InfoItem> InfoItems => Set<InfoItem>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        // No host (dotnet-ef, tests): give Identity the pinned schema version the host would have given.
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchema.StandaloneServices);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Enums as their names: readable in SQL and reports, and members can be reordered or inserted.
        foreach (var enumType in typeof(Agent).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Agent).Namespace))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(ColumnLengths.EnumName);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CallCenterDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Each update gets a new version; the old one stays the WHERE condition (IsConcurrencyToken),
    // so an update from a stale copy matches no row and EF throws DbUpdateConcurrencyException.
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
