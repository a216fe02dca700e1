using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Concord.Shared;

// ASP.NET writes a field's [StringLength] as maxlength on every input and textarea it generates (asp-for,
// Html.TextBox, the generator itself), and browsers cut a longer paste to it without a word. This generator
// moves it to data-limit, which FieldLimits shows under the field; the server refuses a longer text beside it.
public sealed class FieldLimitsHtmlGenerator(
    IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadata, IUrlHelperFactory urls,
    HtmlEncoder encoder, ValidationHtmlAttributeProvider validation)
    : DefaultHtmlGenerator(antiforgery, options, metadata, urls, encoder, validation)
{
    protected override TagBuilder GenerateInput(ViewContext viewContext, InputType inputType, ModelExplorer modelExplorer, string expression,
        object value, bool useViewData, bool isChecked, bool setId, bool isExplicitValue, string format, IDictionary<string, object> htmlAttributes) =>
        NoMaxLength(base.GenerateInput(viewContext, inputType, modelExplorer, expression, value, useViewData, isChecked, setId, isExplicitValue, format, htmlAttributes));

    public override TagBuilder GenerateTextArea(ViewContext viewContext, ModelExplorer modelExplorer, string expression, int rows, int columns, object htmlAttributes) =>
        NoMaxLength(base.GenerateTextArea(viewContext, modelExplorer, expression, rows, columns, htmlAttributes));

    static TagBuilder NoMaxLength(TagBuilder tag)
    {
        if (tag is not null && tag.Attributes.Remove("maxlength", out var limit)) tag.Attributes.TryAdd("data-limit", limit);
        return tag!;
    }
}
