using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Web;

namespace CallCenter.Tests.Web.Admin;

public sealed class AdminResourceTests
{
    private static readonly ResourceManager Resources = new("CallCenter.Web.Resources.AdminResource", typeof(AdminResource).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void EveryErrorCodeRoleStrategyAndTargetHasChineseAndEnglishText()
    {
        var keys = typeof(AdminErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => "Error_" + f.GetValue(null))
            .Concat(Roles.All.Select(r => "Role_" + r))
            .Concat(Enum.GetNames<QueueStrategy>().Select(s => "Strategy_" + s))
            .Concat(Enum.GetNames<RouteTargetType>().Select(t => "Target_" + t))
            .Concat(Enum.GetNames<RecordingRule>().Select(r => "Recording_" + r));

        Assert.All(keys, key =>
        {
            var chinese = Resources.GetString(key, CultureInfo.InvariantCulture);
            var english = Resources.GetString(key, English);
            Assert.False(string.IsNullOrEmpty(chinese), key);
            Assert.NotEqual(chinese, english);
        });
    }

    [Fact]
    public void EnglishHasEveryKeyOfTheChineseNeutralResources()
    {
        var neutral = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var english = Resources.GetResourceSet(English, createIfNotExists: true, tryParents: false)!;
        var neutralKeys = neutral.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        var englishKeys = english.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        Assert.Equal(neutralKeys, englishKeys);
        Assert.Contains("此记录已被他人修改", neutral.GetString("Conflict"));
    }
}
