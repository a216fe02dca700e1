using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Mail;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// /admin/reminders: every reminder e-mail, newest first, with its state (pending, sent, failed with the
// error, not sent for want of a mail server), a page at a time, optionally of one state.
[Authorize(Policy = Access.Administer)]
public class RemindersModel(ConcordDb db, Mailer mailer) : PageModel
{
    public sealed record Row(int Id, DateOnly Day, string Email, string Subject, ReminderState State, int Attempts, string? Error, DateTime CreatedAt, DateTime? SentAt);

    public ReminderState? State { get; private set; }
    public Page<Row> Reminders { get; private set; } = new([], null);
    public Dictionary<ReminderState, int> Counts { get; private set; } = [];
    public bool MailConfigured => mailer.IsConfigured;

    public async Task OnGetAsync(ReminderState? state, string? after, int? size, CancellationToken ct)
    {
        State = state is { } s && Enum.IsDefined(s) ? s : null;
        // Counted per state by the (State, Id) index.
        Counts = (await db.Reminders.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        var q = db.Reminders.AsNoTracking();
        if (State is { } only) q = q.Where(r => r.State == only);
        if (Cursor.TryDecode(after, out _, out var afterId)) q = q.Where(r => r.Id < afterId);
        var pageSize = Cursor.Size(size);
        var rows = await q.OrderByDescending(r => r.Id).Take(pageSize + 1)
            .Select(r => new Row(r.Id, r.Day, r.Email, r.Subject, r.State, r.Attempts, r.Error, r.CreatedAt, r.SentAt)).ToListAsync(ct);
        var items = rows.Take(pageSize).ToList();
        Reminders = new Page<Row>(items, rows.Count > pageSize ? Cursor.Encode("", items[^1].Id) : null);
    }
}
