using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Notices;
using CallCenter.Web;

namespace CallCenter.Tests.Web.Notices;

public sealed class NoticeResourceTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> ResourceNames() => ["CallCenter.Web.Resources.NoticeResource", "CallCenter.Web.Resources.WorkRecordResource"];

    private static ResourceManager Manager(string name) => new(name, typeof(NoticeResource).Assembly);

    [Fact]
    public void EveryErrorCodeStateAndEnumShownHasChineseAndEnglishText()
    {
        var notices = Manager("CallCenter.Web.Resources.NoticeResource");
        var workRecords = Manager("CallCenter.Web.Resources.WorkRecordResource");
        var noticeKeys = typeof(NoticeErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => "Error_" + f.GetValue(null))
            .Concat(Enum.GetNames<NoticeState>().Select(s => "State_" + s));
        var workKeys = Enum.GetNames<AgentState>().Select(s => "State_" + s)
            .Concat(Enum.GetNames<CallDirection>().Select(d => "Direction_" + d))
            .Concat(Enum.GetNames<ServiceRecordStatus>().Select(s => "Status_" + s));

        Assert.All(noticeKeys.Select(k => (notices, k)).Concat(workKeys.Select(k => (workRecords, k))), entry =>
        {
            var (resources, key) = entry;
            var chinese = resources.GetString(key, CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrEmpty(chinese), key);
            Assert.NotEqual(chinese, resources.GetString(key, English));
        });
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void EnglishHasEveryKeyOfTheChineseNeutralResources(string name)
    {
        var resources = Manager(name);
        var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var english = resources.GetResourceSet(English, createIfNotExists: true, tryParents: false)!;
        Assert.Equal(
            neutral.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(),
            english.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order());
    }
}
