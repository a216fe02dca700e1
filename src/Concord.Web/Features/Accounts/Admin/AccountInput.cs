using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Accounts.Admin;

// What an administrator sets on an account: who it is, where it belongs, what it may do.
public class AccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [MaxLength(200, ErrorMessage = "Validation.TooLong")]
    public string? DisplayName { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    public int? OrganisationId { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    public Role? Role { get; set; }
    // The language of Concord's e-mails to this account; empty: Vietnamese with English below.
    public string? Language { get; set; }

    public static IReadOnlyList<string> Languages => Cultures.Supported;

    // The organisation's country, i.e. the account's side, with the rule errors beside their fields.
    // Null for an organisation that does not exist.
    public async Task<(string? Country, Dictionary<string, string> Errors)> CheckAsync(ConcordDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        string? country = null;
        if (OrganisationId is { } id)
        {
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Country }).SingleOrDefaultAsync(ct);
            if (organisation is null) errors[nameof(OrganisationId)] = "Validation.UnknownChoice";
            else country = organisation.Country ?? "";
        }
        // Coordinators and focal points work for one side: their reports and edits are that side's.
        if (country is not null && Role is Accounts.Role.Coordinator or Accounts.Role.FocalPoint && !Sides.IsKnown(country))
            errors[nameof(Role)] = "AccountAdmin.Error.RoleNeedsSide";
        if (Language is { Length: > 0 } && !Languages.Contains(Language))
            errors[nameof(Language)] = "Validation.UnknownChoice";
        return (country, errors);
    }

    // How the security log names organisations: "MOLISA (#4)", the same whatever the reader's language.
    public static Task<Dictionary<int, string>> OrganisationLabelsAsync(ConcordDb db, CancellationToken ct, params int[] ids) =>
        db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Abbreviation, o.Name.Vi, o.Name.En })
            .ToDictionaryAsync(o => o.Id, o => $"{o.Abbreviation ?? o.En ?? o.Vi} (#{o.Id})", ct);
}

public sealed class InviteInput : AccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "AccountAdmin.Error.EmailInvalid")]
    [MaxLength(256, ErrorMessage = "Validation.TooLong")]
    public string? Email { get; set; }
}

public sealed class EditInput : AccountInput
{
    // Identity's concurrency stamp as the form was loaded: a save over someone else's newer save is refused.
    public string? ConcurrencyStamp { get; set; }
}
