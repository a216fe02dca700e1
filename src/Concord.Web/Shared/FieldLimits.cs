using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// A 5,000-character title pasted into a field of 500 used to be cut to 500 without a word: ASP.NET writes
// [StringLength] as the HTML maxlength, and browsers truncate a paste to it silently. Here the limit goes out
// as data-limit instead and is shown under the field ("At most 500 characters"); a longer text reaches the
// server whole and comes back with the message beside the field and everything typed kept. The API refuses
// it with a validation problem, as before. Nothing is ever cut.
public sealed class FieldLimitAdapterProvider : IValidationAttributeAdapterProvider
{
    readonly ValidationAttributeAdapterProvider inner = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        attribute is StringLengthAttribute length ? new LimitAdapter(length, stringLocalizer) : inner.GetAttributeAdapter(attribute, stringLocalizer);

    sealed class LimitAdapter(StringLengthAttribute attribute, IStringLocalizer? localizer) : AttributeAdapterBase<StringLengthAttribute>(attribute, localizer)
    {
        public override void AddValidation(ClientModelValidationContext context)
        {
            MergeAttribute(context.Attributes, "data-val", "true");
            MergeAttribute(context.Attributes, "data-limit", Attribute.MaximumLength.ToString(CultureInfo.InvariantCulture));
        }

        public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
            GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName(), Attribute.MaximumLength, Attribute.MinimumLength);
    }
}

// The visible limit under every input and textarea whose field has one (asp-for; the three-language fields
// of _LocalizedTextFields write theirs themselves), tied to the field by aria-describedby.
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldLimitTagHelper(IStringLocalizer t) : TagHelper
{
    // After the input and textarea tag helpers, which write data-limit.
    public override int Order => 10_000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("data-limit", out var limit) || !output.Attributes.TryGetAttribute("id", out var id)) return;
        var hintId = $"{id.Value}-limit";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {hintId}" : hintId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        output.PostElement.AppendHtml(FieldLimits.Hint(t, hintId, limit.Value?.ToString()));
    }
}

public static class FieldLimits
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Hint(IStringLocalizer t, string id, string? limit)
    {
        var n = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var hint = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("small");
        hint.Attributes["id"] = id;
        hint.Attributes["class"] = "field-limit text-muted d-block";
        hint.Attributes["data-limit-for"] = id[..^"-limit".Length];
        hint.InnerHtml.Append(t["Validation.LimitHint", n.ToString("N0", CultureInfo.CurrentCulture)].Value);
        return hint;
    }

    public static int? Of(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata) =>
        metadata.ValidatorMetadata.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength;
}
