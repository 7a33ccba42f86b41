using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.ServiceRecords;
using CallCenter.Web;

namespace CallCenter.Tests.Web.Customers;

public sealed class CustomerResourceTests
{
    private static readonly ResourceManager Resources = new("CallCenter.Web.Resources.CustomerResource", typeof(CustomerResource).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void EveryErrorCodeCategoryStatusKindAndDirectionHasChineseAndEnglishText()
    {
        var keys = typeof(CustomerErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => "Error_" + f.GetValue(null))
            .Concat(ServiceRecordCategories.All.Select(c => "Category_" + c))
            .Concat(Enum.GetNames<ServiceRecordStatus>().Select(s => "Status_" + s))
            .Concat(Enum.GetNames<PhoneKind>().Select(k => "Kind_" + k))
            .Concat(Enum.GetNames<CallDirection>().Select(d => "Direction_" + d))
            .Concat(Enum.GetNames<MessageStatus>().Select(s => "MessageStatus_" + s))
            .ToList();

        Assert.All(keys, key =>
        {
            var chinese = Resources.GetString(key, CultureInfo.InvariantCulture);
            var english = Resources.GetString(key, English);
            Assert.False(string.IsNullOrEmpty(chinese), key);
            Assert.False(string.IsNullOrEmpty(english), key);
            Assert.NotEqual(chinese, english);
        });
        Assert.Equal("报修", Resources.GetString("Category_" + ServiceRecordCategories.Repair, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EnglishHasEveryKeyOfTheChineseNeutralResources()
    {
        var neutral = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var english = Resources.GetResourceSet(English, createIfNotExists: true, tryParents: false)!;
        var neutralKeys = neutral.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        var englishKeys = english.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        Assert.Equal(neutralKeys, englishKeys);
    }
}
