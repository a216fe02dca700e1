using System.Text.RegularExpressions;
using IElement = AngleSharp.Dom.IElement;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Import;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.Translations;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = Concord.Features.Import.TemplateColumns;

namespace Concord.Tests.Features;

// The translation queue's counts are kept in the database by every save (Features/Translations/TranslationCounts.cs).
// After each kind of save a user makes, what /translations shows a coordinator of each side is what counting every
// record that coordinator may see finds, and the kept counts equal a recount of all records.
public abstract partial class TranslationCountsTests(ConcordFactory factory)
{
    static readonly CurrentUser VietnamReader = new() { AccountId = -1, Country = Sides.Vietnam };
    static readonly CurrentUser LaoReader = new() { AccountId = -2, Country = Sides.Laos };

    sealed record Readers(HttpClient Vietnam, HttpClient Laos);

    async Task<Readers> CoordinatorsAsync() =>
        new(await factory.CoordinatorAsync(), await factory.CoordinatorAsync(TestAccounts.LaoCooperation));

    [GeneratedRegex(@"([\d,]+)\)?\s*$")]
    private static partial Regex LastNumber();

    static int Number(IElement? element) => int.Parse(LastNumber().Match(element!.TextContent).Groups[1].Value.Replace(",", ""));

    // What /translations shows: per language and status, the count of each kind of record (and their sum beside the status).
    static async Task<Dictionary<(string, TranslationStatus, TranslatableKind), int>> ShownAsync(HttpClient client)
    {
        var shown = new Dictionary<(string, TranslationStatus, TranslatableKind), int>();
        foreach (var language in LocalizedText.Languages)
            foreach (var status in TranslationWork.Open)
            {
                var page = await client.GetPageAsync($"/translations?language={language}&status={status}&culture=en");
                foreach (var kind in TranslationWork.Kinds)
                    shown[(language, status, kind)] = Number(page.QuerySelector($"#kind-{kind} .badge"));
                Assert.Equal(TranslationWork.Kinds.Sum(k => shown[(language, status, k)]), Number(page.QuerySelector($"#state-{status}")));
            }
        return shown;
    }

    // Every record the reader may see, counted one by one with the queue's own rule, through the visibility filter:
    // what the page showed before the counts were kept.
    async Task<Dictionary<(string, TranslationStatus, TranslatableKind), int>> CountedForAsync(CurrentUser reader)
    {
        using var scope = factory.Services.CreateScope();
        var type = scope.ServiceProvider.GetRequiredService<ConcordDb>().GetType();
        await using var db = (ConcordDb)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, reader);
        var counted = new Dictionary<(string, TranslationStatus, TranslatableKind), int>();
        foreach (var language in LocalizedText.Languages)
            foreach (var status in TranslationWork.Open)
            {
                counted[(language, status, TranslatableKind.Instrument)] = await db.Instruments.CountAsync(TranslationRules.Needs<Instrument>(language, status));
                counted[(language, status, TranslatableKind.Meeting)] = await db.Meetings.CountAsync(TranslationRules.Needs<Meeting>(language, status));
                counted[(language, status, TranslatableKind.Commitment)] = await db.Commitments.CountAsync(TranslationRules.Needs<Commitment>(language, status));
                counted[(language, status, TranslatableKind.Report)] = await db.ProgressReports.CountAsync(TranslationRules.Needs<ProgressReport>(language, status));
                counted[(language, status, TranslatableKind.Activity)] = await db.Activities.CountAsync(TranslationRules.Needs<Activity>(language, status));
                counted[(language, status, TranslatableKind.Organisation)] = await db.Organisations.CountAsync(TranslationRules.Needs<Organisation>(language, status));
            }
        return counted;
    }

    async Task AssertRecountedAsync(Readers readers, string after)
    {
        var wrong = await factory.WithDbAsync(db => TranslationCounts.CheckAsync(db, default));
        Assert.True(wrong.Count == 0, $"After {after}, kept counts differ from a recount: {string.Join("; ", wrong)}");
        Assert.Equal(await CountedForAsync(VietnamReader), await ShownAsync(readers.Vietnam));
        Assert.Equal(await CountedForAsync(LaoReader), await ShownAsync(readers.Laos));
    }

    static int Sum(Dictionary<(string, TranslationStatus, TranslatableKind), int> counts, TranslatableKind kind) =>
        counts.Where(c => c.Key.Item3 == kind).Sum(c => c.Value);

    [Fact]
    public async Task TheQueueShowsEachSideWhatARecountFindsAfterCreatingEditingVerifyingWithdrawingRestrictingAndImporting()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var readers = await CoordinatorsAsync();
        await AssertRecountedAsync(readers, "the world was made");

        // A clause written in Vietnamese through the form: English and Lao are missing.
        var created = await readers.Vietnam.SubmitFormAsync("/commitments/new", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.NinthMinutes.ToString(), ["Input.TextVi"] = $"Trao đổi kinh nghiệm quản lý lao động {world.Tag}",
            ["Input.AreaId"] = world.Vocational.ToString(), ["Input.Period"] = "2026-2027", ["Input.Status"] = "NotStarted",
        });
        var id = int.Parse(created.RequestMessage!.RequestUri!.Segments[^1]);
        await AssertRecountedAsync(readers, "a clause was created");

        // Its Lao text, through the edit form: Lao is no longer missing but not verified.
        await readers.Vietnam.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.TextLo"] = $"ແລກປ່ຽນປະສົບການ {world.Tag}" });
        await AssertRecountedAsync(readers, "a text was edited");

        // The Lao side verifies it from the queue.
        var queue = await readers.Laos.GetPageAsync($"/translations?language=lo&status=Unverified&kind=Commitment&id={id}");
        await readers.Laos.SubmitFormAsync(queue, $"/translations?language=lo&status=Unverified&kind=Commitment&id={id}", new Dictionary<string, string?>(), $"#queue-Commitment-{id} form");
        Assert.NotNull(await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Translation.LoVerifiedAt).SingleAsync()));
        await AssertRecountedAsync(readers, "a translation was verified");

        // Withdrawn with its reports, then restored: the reports go and come back with their clause.
        await world.AddReportAsync(id, "VN", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1));
        await world.AddReportAsync(id, "LA", CommitmentStatus.InProgress, new DateOnly(2026, 6, 2));
        await AssertRecountedAsync(readers, "reports were added");
        var before = await ShownAsync(readers.Laos);
        await readers.Vietnam.SubmitFormAsync($"/withdraw/commitments/{id}", new Dictionary<string, string?> { ["Input.Reason"] = "Entered twice", ["Input.ConfirmReports"] = "true" });
        var withdrawn = await ShownAsync(readers.Laos);
        Assert.Equal(Sum(before, TranslatableKind.Report) - 4, Sum(withdrawn, TranslatableKind.Report));
        await AssertRecountedAsync(readers, "a clause was withdrawn");
        await readers.Vietnam.SubmitFormAsync("/withdrawn", new Dictionary<string, string?>(), $"tr[data-kind=commitments][data-id='{id}'] form");
        Assert.Equal(before, await ShownAsync(readers.Laos));
        await AssertRecountedAsync(readers, "a clause was restored");

        // Its minutes kept to Vietnam: the clause and its reports leave the Lao side's counts only.
        await factory.WithDbAsync(async db =>
        {
            var minutes = await db.Instruments.SingleAsync(i => i.Id == world.NinthMinutes);
            minutes.Visibility = Visibility.Restricted;
            minutes.RestrictedTo = Sides.Vietnam;
            await db.SaveChangesAsync();
        });
        Assert.True(Sum(await ShownAsync(readers.Laos), TranslatableKind.Report) < Sum(before, TranslatableKind.Report));
        await AssertRecountedAsync(readers, "minutes were restricted");

        // Reports imported from a spreadsheet by a focal point, in one transaction.
        var led = await world.AddCommitmentsAsync(2, (_, _) => { }, world.VnDepartment);
        var account = await factory.CreateAccountAsync(Role.FocalPoint, world.VnDepartment);
        var focalPoint = factory.NewClient();
        await focalPoint.SignInAsync(account);
        var template = await focalPoint.GetAsync($"/import?handler=Template&format=xlsx&instrument={world.EighthMinutes}");
        var rows = SheetReader.Read(await template.Content.ReadAsByteArrayAsync(), "template.xlsx", C.Count, new ImportOptions()).Select(l => l.Cells).ToList();
        foreach (var row in rows.Where(r => led.Select(x => x.ToString()).Contains(r[C.CommitmentId])))
        {
            row[C.Status] = "InProgress";
            row[C.Narrative] = $"Đã tổ chức lớp đào tạo {world.Tag}";
        }
        var upload = await ImportFiles.UploadAsync(focalPoint, ImportFiles.Xlsx(rows.Select(r => r.Cast<object?>().ToArray())), "bao-cao.xlsx");
        var preview = await ImportFiles.ParseAsync(upload);
        await focalPoint.SubmitFormAsync(preview, upload.RequestMessage!.RequestUri!.PathAndQuery, new Dictionary<string, string?>(), "form#confirm");
        Assert.Equal(2, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => led.Contains(r.CommitmentId))));
        await AssertRecountedAsync(readers, "reports were imported");
    }

    [Fact]
    public async Task ALaoReaderNeverCountsRecordsKeptToVietnamNorRecordsUnderThem()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var readers = await CoordinatorsAsync();
        var (laBefore, vnBefore) = (await ShownAsync(readers.Laos), await ShownAsync(readers.Vietnam));

        // Minutes kept to Vietnam, their clauses and reports shared with both sides (as the clauses were before).
        var secret = await world.AddInstrumentAsync("Biên bản nội bộ");
        await factory.WithDbAsync(async db =>
        {
            var minutes = await db.Instruments.SingleAsync(i => i.Id == secret);
            minutes.Visibility = Visibility.Restricted;
            minutes.RestrictedTo = Sides.Vietnam;
            await db.SaveChangesAsync();
        });
        var clauses = await world.AddCommitmentsAsync(2, (_, c) => c.InstrumentId = secret);
        foreach (var clause in clauses) await world.AddReportAsync(clause, "VN", CommitmentStatus.InProgress, new DateOnly(2026, 5, 1));
        // A Lao report kept to Laos on a clause kept to Vietnam: neither side's reader may see it.
        var shared = await world.AddCommitmentAsync(c => { c.Visibility = Visibility.Restricted; c.RestrictedTo = Sides.Vietnam; });
        var lao = await world.AddReportAsync(shared, "LA", CommitmentStatus.InProgress, new DateOnly(2026, 5, 2));
        await factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.Id == lao);
            report.Visibility = Visibility.Restricted;
            report.RestrictedTo = Sides.Laos;
            await db.SaveChangesAsync();
        });

        Assert.Equal(laBefore, await ShownAsync(readers.Laos));
        var vn = await ShownAsync(readers.Vietnam);
        // The minutes (a title without English or Lao), three clauses, two reports: each missing two languages.
        Assert.Equal(Sum(vnBefore, TranslatableKind.Instrument) + 2, Sum(vn, TranslatableKind.Instrument));
        Assert.Equal(Sum(vnBefore, TranslatableKind.Commitment) + 3 * 2, Sum(vn, TranslatableKind.Commitment));
        Assert.Equal(Sum(vnBefore, TranslatableKind.Report) + 2 * 2, Sum(vn, TranslatableKind.Report));
        await AssertRecountedAsync(readers, "records were kept to one side");

        // Shared again: both sides count them at once.
        await factory.WithDbAsync(async db =>
        {
            var minutes = await db.Instruments.SingleAsync(i => i.Id == secret);
            minutes.Visibility = Visibility.Partners;
            minutes.RestrictedTo = null;
            await db.SaveChangesAsync();
        });
        Assert.Equal(Sum(laBefore, TranslatableKind.Report) + 2 * 2, Sum(await ShownAsync(readers.Laos), TranslatableKind.Report));
        await AssertRecountedAsync(readers, "minutes were shared again");
    }

    [Fact]
    public async Task SavesAtTheSameTimeAreAllCounted()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var readers = await CoordinatorsAsync();
        var before = Sum(await ShownAsync(readers.Laos), TranslatableKind.Commitment);

        // Ten clauses saved at once, each adding to the same kept rows.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => world.AddCommitmentAsync(c => c.Text = new LocalizedText($"Điều khoản {i} {world.Tag}")))));
        Assert.Equal(before + 10 * 2, Sum(await ShownAsync(readers.Laos), TranslatableKind.Commitment));
        await AssertRecountedAsync(readers, "ten saves at once");

        // Minutes restricted and shared again while reports are written under them and their clauses are edited.
        var clauses = await world.AddCommitmentsAsync(4, (_, c) => c.InstrumentId = world.SeventhMinutes);
        // Two saves of one record at once: one may be refused as stale (nothing of it is saved), which is not what is tested here.
        static async Task SavedOrStaleAsync(Func<Task> save)
        {
            try { await save(); }
            catch (DbUpdateConcurrencyException) { }
        }
        Task FlipAsync(Visibility visibility) => SavedOrStaleAsync(() => factory.WithDbAsync(async db =>
        {
            var minutes = await db.Instruments.SingleAsync(i => i.Id == world.SeventhMinutes);
            minutes.Visibility = visibility;
            minutes.RestrictedTo = visibility == Visibility.Restricted ? Sides.Laos : null;
            await db.SaveChangesAsync();
        }));
        Task EditAsync(int clause, int round) => SavedOrStaleAsync(() => factory.WithDbAsync(async db =>
        {
            var c = await db.Commitments.SingleAsync(x => x.Id == clause);
            c.Text = new LocalizedText(c.Text.Vi, c.Text.En, round % 2 == 0 ? $"ຂໍ້ {clause}" : null);
            await db.SaveChangesAsync();
        }));
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(
                Task.Run(() => FlipAsync(Visibility.Restricted)),
                Task.Run(() => world.AddReportAsync(clauses[0], "VN", CommitmentStatus.InProgress, new DateOnly(2026, 4, 1))),
                Task.Run(() => world.AddReportAsync(clauses[1], "LA", CommitmentStatus.InProgress, new DateOnly(2026, 4, 1))),
                Task.Run(() => EditAsync(clauses[2], round)),
                Task.Run(() => FlipAsync(Visibility.Partners)),
                Task.Run(() => world.AddReportAsync(clauses[3], "VN", CommitmentStatus.InProgress, new DateOnly(2026, 4, 2))),
                Task.Run(() => EditAsync(clauses[3], round)));
        await AssertRecountedAsync(readers, "saves at once under changing minutes");
    }

    [Fact]
    public async Task CountsNeverMadeAreMadeAtStartAndARecountCorrectsCountsChangedByHand()
    {
        var readers = await CoordinatorsAsync();
        await factory.WithDbAsync(async db =>
        {
            // A database from before the counts were kept: they are made once, at start.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "TranslationCounts" """);
            Assert.True(await TranslationCounts.EnsureCountedAsync(db, default));
            Assert.Empty(await TranslationCounts.CheckAsync(db, default));
            Assert.False(await TranslationCounts.EnsureCountedAsync(db, default));

            // Changed by hand (a recount keeps a public row for every kind, language and status, so this one is there):
            // the check finds it, the recount says what it corrected.
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "TranslationCounts" SET "Count" = "Count" + 5 WHERE "Kind" = 'Commitment' AND "Language" = 'lo' AND "Status" = 'Missing' AND "Visibility" = 'Public'"""));
            var wrong = Assert.Single(await TranslationCounts.CheckAsync(db, default));
            Assert.Equal(wrong.Counted + 5, wrong.Stored);
        });
        var output = new StringWriter();
        Assert.Equal(0, await TranslationCounts.RunAsync(factory.Services, output));
        Assert.Contains("1 kept counts were wrong and are corrected", output.ToString());
        Assert.Contains("Commitment lo Missing Public: kept", output.ToString());
        await AssertRecountedAsync(readers, "a recount");
    }
}

public sealed class TranslationCountsOnSqlite(SqliteFactory factory) : TranslationCountsTests(factory), IClassFixture<SqliteFactory>;
public sealed class TranslationCountsOnPostgres(PostgresFactory factory) : TranslationCountsTests(factory), IClassFixture<PostgresFactory>;
