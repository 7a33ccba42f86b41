using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Auth;

namespace CallCenter.Core.Services.Admin;

public sealed partial class UserAdminService
{
    private void ApplyAgent(Agent agent, UserEditModel model)
    {
        agent.Name = model.DisplayName.Trim();
        agent.WorkNumber = model.WorkNumber.Trim();
        agent.Extension = model.Extension.Trim();
        agent.SeatRow = model.SeatRow;
        agent.SeatColumn = model.SeatColumn;
        if (!string.IsNullOrEmpty(model.SipPassword))
        {
            SetSipHashes(agent, model.SipPassword);
        }

        var groups = model.Groups.DistinctBy(g => g.GroupId).ToList();
        agent.Groups.RemoveAll(m => groups.All(g => g.GroupId != m.GroupId));
        foreach (var input in groups)
        {
            var member = agent.Groups.FirstOrDefault(m => m.GroupId == input.GroupId);
            if (member is null)
            {
                agent.Groups.Add(new AgentGroupMember { AgentId = agent.Id, GroupId = input.GroupId, Priority = input.Priority });
            }
            else
            {
                member.Priority = input.Priority;
            }
        }

        var skills = model.Skills.DistinctBy(s => s.SkillId).ToList();
        agent.Skills.RemoveAll(s => skills.All(i => i.SkillId != s.SkillId));
        foreach (var input in skills)
        {
            var skill = agent.Skills.FirstOrDefault(s => s.SkillId == input.SkillId);
            if (skill is null)
            {
                agent.Skills.Add(new AgentSkill { AgentId = agent.Id, SkillId = input.SkillId, Level = input.Level });
            }
            else
            {
                skill.Level = input.Level;
            }
        }
    }

    // RFC 3261 §22.4: HA1 = H(username ":" realm ":" password) with the extension as the username;
    // MD5 for older phones and SHA-256 (RFC 8760) for newer ones. The password itself goes nowhere.
    private void SetSipHashes(Agent agent, string sipPassword)
    {
        var realm = sipOptions.Value.Realm;
        agent.SipRealm = realm;
        agent.SipHa1Md5 = DigestHash.Ha1(DigestAlgorithm.Md5, agent.Extension, realm, sipPassword);
        agent.SipHa1Sha256 = DigestHash.Ha1(DigestAlgorithm.Sha256, agent.Extension, realm, sipPassword);
    }
}
