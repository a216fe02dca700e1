using System.Text;
using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Import;
using Concord.Features.Rounds;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using C = Concord.Features.Import.TemplateColumns;

namespace Concord.BrowserTests;

// The pages no other journey opens, reached as their users reach them, each checked by axe-core in Vietnamese,
// English and Lao: the spreadsheet import and its previews, a record's attachments, withdrawing a clause and the
// list of withdrawn records, the status proposals waiting for a side, the yearly review, the personal calendar
// feed, and the administrator's reminders. A page showing what a form just did (errors, a new address) is checked
// as it is, since opening its address again shows something else.
public class AccessibilityJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task ACoordinatorImportsAFilledTemplateSeesWhyARowIsRefusedAndSavesAValidOne()
    {
        var (meeting, _, _) = await DemoAsync();
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));

        await page.GotoAsync($"/meetings/{meeting}");
        await page.Locator("#import-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/import\?meeting={meeting}$"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template-csv").ClickAsync());
        var template = SheetReader.Read(await File.ReadAllBytesAsync(await download.PathAsync()), "template.csv", C.Count, new ImportOptions())
            .Select(l => l.Cells).ToList();
        // The header, then the clauses; two of them with a period to report on.
        var reportable = template.Skip(1).Where(r => r[C.Period] is not null).ToList();
        var (first, second) = (reportable[0], reportable[1]);

        // A file over the limit (10 MB) is refused beside the field before a byte is sent: on a slow link, minutes saved.
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "qua-lon.csv", MimeType = "text/csv", Buffer = new byte[10 * 1024 * 1024 + 1] });
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("10 MB");
        await Assertions.Expect(page.Locator("#file")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, posts);

        // A file that is not a spreadsheet is refused beside the field, before a row is read.
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n"u8.ToArray() });
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("Only .xlsx and .csv files are accepted.");
        Assert.Equal(1, posts);
        await Axe.AssertNoSeriousViolationsAsync(page);

        first[C.Status] = "InProgress";
        first[C.Narrative] = "Hai lớp đào tạo nghề cho 40 học viên Lào (browser journey).";
        second[C.Status] = "Half done";
        await UploadAsync(page, Csv(template), "bao-cao-loi.csv");
        var refused = page.Locator("#rows tr[data-verdict='Refused']");
        await Assertions.Expect(refused).ToHaveCountAsync(1);
        await Assertions.Expect(refused).ToContainTextAsync("Half done");
        await Assertions.Expect(page.Locator("#blocked")).ToBeVisibleAsync();

        // The preview came in place of the upload page, and took its place in the history: back is the upload page.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/import\?meeting={meeting}$"));
        await Assertions.Expect(page.Locator("#upload")).ToBeVisibleAsync();

        // The upload shows how much of the file has gone, then that the rows are being checked. (Chromium reports a
        // small file's progress at its start and end only, even with its network throttled by DevTools.)
        second[C.Status] = null;
        await page.EvaluateAsync("""
            () => {
              window.uploadStatuses = [];
              new MutationObserver(() => window.uploadStatuses.push(document.querySelector("#upload-status")?.textContent ?? ""))
                .observe(document.querySelector("#upload-status"), { childList: true, characterData: true, subtree: true });
            }
            """);
        await UploadAsync(page, Csv(template), "bao-cao.csv");
        var statuses = await page.EvaluateAsync<string[]>("() => window.uploadStatuses");
        Assert.Equal("0%", statuses[0]);
        Assert.Contains("100%", statuses);
        Assert.Equal("The file is sent. Each row is being checked; a file of thousands of rows takes a few seconds.", statuses[^1]);
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#count-refused")).ToContainTextAsync("0");

        // The save says it is under way and cannot be sent twice while it runs. Playwright looks at a page only once
        // the navigation it started has finished, so the first submission is stopped in the window (after the page's
        // own handlers have run), the page read as it stands, and the form then sent for real.
        await page.EvaluateAsync("() => window.addEventListener('submit', e => e.preventDefault(), { once: true })");
        await page.Locator("#confirm button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm button[type=submit]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(page.Locator("#confirm-status")).ToHaveTextAsync("Saving the rows; a file of thousands of rows takes a few seconds. There is no need to click again.");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.EvaluateAsync("() => document.querySelector('#confirm').requestSubmit()");
        await Assertions.Expect(page.Locator("#import-message")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await axe.AssertVisitedAsync();
    }

    [Fact]
    public async Task ACoordinatorAttachesAFileIsToldWhyAnotherIsRefusedAndWithdrawsAClauseWithItsReports()
    {
        var (meeting, withdrawn, _) = await DemoAsync();
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));

        // The meeting's attachments, from its page; the upload script sends the file and shows the page that comes back.
        await page.GotoAsync($"/meetings/{meeting}");
        await page.Locator("#record-attachments a[href$='/attachments']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/meetings/{meeting}/attachments$"));
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "bien-ban-ghi-nho.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Biên bản ghi nhớ, bản đánh máy (browser journey).\n"),
        });
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#attachments tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [(byte)'M', (byte)'Z', .. new byte[510]],
        });
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#attachments tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page);
        // The form to withdraw a file, folded in its row until asked for.
        await page.Locator("#attachments tbody tr details summary").ClickAsync();
        await Assertions.Expect(page.Locator("#attachments .withdraw-form textarea")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // A clause with reports: the form names them and asks for a confirmation. Its errors are checked in each
        // language here, as the page is gone once the clause is withdrawn.
        await page.GotoAsync($"/commitments/{withdrawn}");
        await page.Locator("#withdraw-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/withdraw/commitments/{withdrawn}$"));
        await Assertions.Expect(page.Locator("#reports-warning")).ToBeVisibleAsync();
        foreach (var language in Axe.Languages)
        {
            await page.GotoAsync($"/withdraw/commitments/{withdrawn}?culture={language}");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }
        await page.GotoAsync($"/withdraw/commitments/{withdrawn}?culture=en");
        await page.FillAsync("[name='Input.Reason']", "Entered twice by mistake (browser journey).");
        await page.Locator("[name='Input.ConfirmReports'][type=checkbox]").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToBeVisibleAsync();

        await page.Locator("header nav a[href='/withdrawn']").ClickAsync();
        await Assertions.Expect(page.Locator($"#withdrawn tr[data-id='{withdrawn}']")).ToContainTextAsync("Entered twice by mistake");
        await axe.AssertVisitedAsync();
    }

    [Fact]
    public async Task TheLaoCoordinatorFindsTheVietnameseSidesProposalReadsThe2018ReviewAndMakesACalendarFeed()
    {
        var (_, _, proposed) = await DemoAsync();
        // The Vietnamese side proposes closing a clause (its pages are not what this journey checks).
        var vietnamese = await server.NewPageAsync("en");
        await vietnamese.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));
        await vietnamese.GotoAsync($"/commitments/{proposed}");
        await vietnamese.Locator("#status-agreement").ClickAsync();
        await vietnamese.SelectOptionAsync("#ToStatus", "Done");
        await vietnamese.FillAsync("#Reason", "Both classes held and the teachers certified (browser journey).");
        await vietnamese.Locator("#propose-form button[type=submit]").ClickAsync();
        await Assertions.Expect(vietnamese.Locator("#pending-proposal")).ToBeVisibleAsync();

        var page = await server.NewPageAsync("lo");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "la-mlsw-dpic", twoFactor: true));
        await page.GotoAsync("/");
        await page.Locator("#home-proposals a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/status-proposals$"));
        await Assertions.Expect(page.Locator($"#proposals a[href='/commitments/{proposed}/status']")).ToHaveCountAsync(1);

        await page.Locator("header nav a[href='/review']").ClickAsync();
        await page.FillAsync("#r-year", "2018");
        await page.Locator("main form[method=get] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/review\?year=2018"));
        await Assertions.Expect(page.Locator("#signed-instruments")).ToBeVisibleAsync();

        await page.Locator("#signed-in-as").ClickAsync();
        await page.Locator("#calendar-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/calendar$"));
        await page.Locator("#make button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#new-address")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await axe.AssertVisitedAsync();
    }

    [Fact]
    public async Task AnAdministratorReadsTheRemindersAndTheFailedOnes()
    {
        var administrator = await server.CreateAccountAsync(Role.Administrator, "vn-molisa-icd", twoFactor: true);
        await FailedReminderAsync(await server.CreateAccountAsync(Role.FocalPoint, "la-bankan", twoFactor: false));
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(administrator);
        await page.Locator("header nav a[href='/admin/reminders']").ClickAsync();
        await Assertions.Expect(page.Locator("#reminders tbody tr")).Not.ToHaveCountAsync(0);
        await page.Locator("#reminder-states a[data-state='Failed']").ClickAsync();
        await Assertions.Expect(page.Locator("#reminders tbody tr[data-state='Failed']")).Not.ToHaveCountAsync(0);
        await axe.AssertVisitedAsync();
    }

    static async Task UploadAsync(IPage page, byte[] file, string name)
    {
        await page.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/import/\d+$"));
    }

    // A filled template saved as a spreadsheet program saves CSV: UTF-8 with its mark, every cell quoted.
    static byte[] Csv(IEnumerable<string?[]> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n",
            rows.Select(r => string.Join(",", r.Select(c => "\"" + (c ?? "").Replace("\"", "\"\"") + "\"")))))];

    // The 9th conference's meeting; a clause of another meeting's minutes that the Vietnamese side reported on (to
    // withdraw); and an open clause of the 9th conference both sides see (to propose closing).
    async Task<(int Meeting, int Withdrawn, int Proposed)> DemoAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var ninth = await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => new { i.Id, Meeting = i.MeetingId!.Value }).SingleAsync();
        var shared = db.Commitments.Where(c => c.Visibility != Visibility.Restricted);
        var withdrawn = await shared.Where(c => c.InstrumentId != ninth.Id && c.Reports.Any(r => r.Country == "VN"))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var proposed = await shared.Where(c => c.InstrumentId == ninth.Id && c.Status == CommitmentStatus.InProgress)
            .OrderBy(c => c.Sequence).Select(c => c.Id).FirstAsync();
        return (ninth.Meeting, withdrawn, proposed);
    }

    // A reminder whose every attempt failed, as the send job leaves it when the mail server refuses.
    async Task FailedReminderAsync(BrowserAccount focalPoint)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var account = await db.Users.Where(a => a.Email == focalPoint.Email).Select(a => a.Id).SingleAsync();
        db.Reminders.Add(new Reminder
        {
            AccountId = account, Day = new DateOnly(2027, 1, 24), Kind = ReminderKind.Daily, Email = focalPoint.Email, Language = "lo",
            Subject = "Concord: ຫົວໜ່ວຍຂອງທ່ານ (browser journey)", Body = "-", State = ReminderState.Failed, Attempts = 5,
            Error = "550 5.1.1 Mailbox unavailable", CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
