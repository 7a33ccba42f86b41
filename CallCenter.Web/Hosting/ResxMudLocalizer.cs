using System.Globalization;

using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Hosting;

/// <summary>
/// MudBlazor's built-in texts (pagers, filters, dialogs) in Chinese, from the "Mud*" keys of SharedResource.resx.
/// Under English it reports "not found", so MudBlazor keeps its own English texts.
/// </summary>
internal sealed class ResxMudLocalizer(IStringLocalizer<SharedResource> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "zh")
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }
            return texts[key];
        }
    }
}
