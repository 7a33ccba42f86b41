using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Edits a list of skill levels in place (agents' skills, queues' required skills).</summary>
public partial class SkillLevelsEditor
{
    [Parameter] public IReadOnlyList<LookupItem> Skills { get; set; } = [];
    /// <summary>The list edited in place.</summary>
    [Parameter, EditorRequired] public List<SkillLevelInput> Values { get; set; } = default!;
    [Parameter, EditorRequired] public string LevelLabel { get; set; } = "";

    private bool Has(Guid id) => Values.Any(s => s.SkillId == id);

    private int Level(Guid id) => Values.FirstOrDefault(s => s.SkillId == id)?.Level ?? AdminRules.SkillLevelMin;

    private void Set(Guid id, bool on)
    {
        Values.RemoveAll(s => s.SkillId == id);
        if (on)
        {
            Values.Add(new SkillLevelInput(id, AdminRules.SkillLevelMin));
        }
    }

    private void SetLevel(Guid id, int level)
    {
        Values.RemoveAll(s => s.SkillId == id);
        Values.Add(new SkillLevelInput(id, level));
    }
}
