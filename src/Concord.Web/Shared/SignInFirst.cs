using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Shared;

// An e-mailed link to a record shared with signed-in officials, opened by someone not signed in, used to
// answer 404 "does not exist", so the link looked dead. It now goes to sign-in and back to the record.
// A record that does not exist, was withdrawn or is kept to one side is still 404; so is one a signed-in
// reader may not see.
public static class SignInFirst
{
    public static async Task<IActionResult> NotFoundOrSignInAsync<T>(this PageModel page, IQueryable<T> records, int id, CancellationToken ct)
        where T : Record, IRestrictable
    {
        if (!CurrentUser.From(page.User).IsSignedIn
            && await records.IgnoreQueryFilters([VisibilityRule.Visible]).Where(VisibilityRule.SharedWithBothSides<T>()).AnyAsync(r => r.Id == id, ct))
            return new RedirectResult(SignInPath(page.Request.Path + page.Request.QueryString));
        return new NotFoundResult();
    }

    public static string SignInPath(string back) => $"/account/sign-in?returnUrl={Uri.EscapeDataString(ReturnUrls.Local(back))}";
}
