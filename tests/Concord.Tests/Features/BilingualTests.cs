using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Concord.Tests.Features;

// The bilingual view: an instrument's clauses and a meeting's minutes, two languages side by side, the
// working copy both delegations read across the table.
public abstract class BilingualTests(ConcordFactory factory)
{
    // Minutes made for one test, written in Vietnamese: clause 1 and 2 in three languages (the Lao of clause 1
    // verified, of clause 2 not), clause 3 with no Lao, clause 4 restricted to Laos. Inserted as 2, 1, 3, 4, so
    // that their ids do not give the order the minutes do.
    sealed record Minutes(int Id, string Marker, int Clause1, int Clause2, int NoLao, int LaoOnly);

    Task<Minutes> CreateMinutesAsync() => factory.WithDbAsync(async db =>
    {
        var marker = "zbiling" + Guid.NewGuid().ToString("N")[..8];
        async Task<int> Org(string key) => await db.Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync();
        var area = await db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.Code == "vocational-education").Select(t => t.Id).SingleAsync();
        var instrument = new Instrument
        {
            KindId = await db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "minutes").Select(t => t.Id).SingleAsync(),
            Title = new LocalizedText($"Biên bản họp thử song ngữ {marker}", $"Minutes of the bilingual test meeting {marker}", $"ບົດບັນທຶກກອງປະຊຸມທົດລອງສອງພາສາ {marker}"),
            Status = InstrumentStatus.Signed, SignedOn = new DateOnly(2026, 3, 12), SignedOnPrecision = DatePrecision.Day,
            Parties = [new InstrumentParty { OrganisationId = await Org("vn-moha") }, new InstrumentParty { OrganisationId = await Org("la-mlsw") }],
        };
        Commitment Clause(int sequence, LocalizedText text) => new()
        {
            Instrument = instrument, Number = sequence.ToString(), Sequence = sequence, Text = text, AreaId = area,
            Period = new Period(2026, 2027), Status = CommitmentStatus.NotStarted,
        };
        var second = Clause(2, new LocalizedText("Đào tạo giáo viên dạy nghề cho Lào", "Train vocational teachers for Laos", "ຝຶກອົບຮົມຄູສອນວິຊາຊີບໃຫ້ລາວ"));
        second.Leads = [new CommitmentLead { OrganisationId = await Org("la-mlsw-dpic"), Country = Sides.Laos }, new CommitmentLead { OrganisationId = await Org("vn-molisa-icd"), Country = Sides.Vietnam }];
        var first = Clause(1, new LocalizedText("Trao đổi kinh nghiệm về bảo hiểm xã hội", "Exchange experience in social insurance", "ແລກປ່ຽນປະສົບການກ່ຽວກັບການປະກັນສັງຄົມ"));
        first.Translation.Verify("lo", "Kiểm tra viên thử", new DateTime(2026, 3, 13, 0, 0, 0, DateTimeKind.Utc));
        var noLao = Clause(3, new LocalizedText("Hỗ trợ xây dựng trung tâm dịch vụ việc làm", "Support building an employment service centre"));
        var laoOnly = Clause(4, new LocalizedText($"Điều khoản riêng của phía Lào {marker}", null, $"ຂໍ້ສະເພາະຂອງຝ່າຍລາວ {marker}"));
        laoOnly.Visibility = Concord.Shared.Visibility.Restricted;
        laoOnly.RestrictedTo = Sides.Laos;
        db.AddRange(instrument, second, first, noLao, laoOnly);
        await db.SaveChangesAsync();
        return new Minutes(instrument.Id, marker, first.Id, second.Id, noLao.Id, laoOnly.Id);
    });

    static Task<HttpClient> ReaderAsync(ConcordFactory factory, string organisation = "vn-moha") => factory.ClientAsync(Role.Reader, organisation);

    static async Task<HttpClient> ReaderInAsync(ConcordFactory factory, string language, string organisation = "vn-moha")
    {
        var client = await ReaderAsync(factory, organisation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    static IHtmlCollection<IElement> ClauseRows(IDocument page) => page.QuerySelectorAll("table.bilingual tr.bilingual-clause");

    static string[] ColumnLanguages(IDocument page) =>
        page.QuerySelectorAll("table.bilingual thead th[lang]").Select(th => th.GetAttribute("lang")!).ToArray();

    // The two text cells of a row, left then right (a header row also has an empty number cell, without lang).
    static IElement[] Cells(IElement row) => row.Children.Where(c => c.LocalName == "td" && c.HasAttribute("lang")).ToArray();

    [Fact]
    public async Task AVietnameseReaderSeesVietnameseBesideLaoWithTheDemoMinutesClausesInOrderOneRowEach()
    {
        var (id, texts, laoTexts) = await factory.WithDbAsync(async db =>
        {
            var minutes = await db.Instruments.Where(i => i.Key == "min-conf-6").Select(i => i.Id).SingleAsync();
            var clauses = await db.Commitments.Where(c => c.InstrumentId == minutes).OrderBy(c => c.Sequence).ThenBy(c => c.Id)
                .Select(c => new { c.Text.Vi, c.Text.Lo }).ToListAsync();
            return (minutes, clauses.Select(c => c.Vi!).ToList(), clauses.Select(c => c.Lo!).ToList());
        });
        Assert.True(texts.Count >= 5);
        var page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{id}/bilingual");

        Assert.Equal(["vi", "lo"], ColumnLanguages(page));
        Assert.Equal(["Tiếng Việt", "ພາສາລາວ"], page.QuerySelectorAll("table.bilingual thead th[lang]").Select(th => th.TextContent.Trim()));
        var rows = ClauseRows(page);
        Assert.Equal(texts.Count, rows.Length);
        for (var i = 0; i < texts.Count; i++)
        {
            var cells = Cells(rows[i]);
            Assert.Equal(2, rows[i].QuerySelectorAll("td").Length);
            Assert.Equal(["vi", "lo"], cells.Select(c => c.GetAttribute("lang")));
            Assert.Contains(texts[i], cells[0].TextContent);
            // The Lao cell of the same row holds the same clause in Lao, a translation nobody has verified yet.
            Assert.Contains(laoTexts[i], cells[1].TextContent);
            Assert.NotNull(cells[1].QuerySelector(".bilingual-unverified"));
        }
        // The header: the title labelled in each column's own language.
        var title = page.QuerySelector("tr.bilingual-document-title")!;
        Assert.Contains("Tên văn kiện", Cells(title)[0].TextContent);
        Assert.Contains("ຊື່ເອກະສານ", Cells(title)[1].TextContent);
        Assert.Contains("Biên bản Hội nghị Bộ trưởng lần thứ 6", Cells(title)[0].TextContent);
    }

    [Fact]
    public async Task ALaoReaderGetsLaoOnTheLeftAndAnEnglishReaderEnglishBesideVietnamese()
    {
        var minutes = await CreateMinutesAsync();
        var lao = await (await ReaderInAsync(factory, "lo", "la-mlsw")).GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        Assert.Equal(["lo", "vi"], ColumnLanguages(lao));
        Assert.Contains("ແລກປ່ຽນປະສົບການກ່ຽວກັບການປະກັນສັງຄົມ", Cells(ClauseRows(lao)[0])[0].TextContent);
        Assert.Contains("Trao đổi kinh nghiệm về bảo hiểm xã hội", Cells(ClauseRows(lao)[0])[1].TextContent);

        var english = await (await ReaderInAsync(factory, "en")).GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        Assert.Equal(["en", "vi"], ColumnLanguages(english));
    }

    [Fact]
    public async Task AChosenPairEnglishBesideLaoShowsEveryClauseInBothRowByRow()
    {
        var minutes = await CreateMinutesAsync();
        var page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{minutes.Id}/bilingual?left=en&right=lo");

        Assert.Equal(["en", "lo"], ColumnLanguages(page));
        var rows = ClauseRows(page);
        Assert.Equal(3, rows.Length);
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(["en", "lo"], Cells(rows[0]).Select(c => c.GetAttribute("lang")));
        Assert.Contains("Exchange experience in social insurance", Cells(rows[0])[0].TextContent);
        Assert.Contains("ແລກປ່ຽນປະສົບການກ່ຽວກັບການປະກັນສັງຄົມ", Cells(rows[0])[1].TextContent);
        Assert.Contains("Train vocational teachers for Laos", Cells(rows[1])[0].TextContent);
        Assert.Contains("ຝຶກອົບຮົມຄູສອນວິຊາຊີບໃຫ້ລາວ", Cells(rows[1])[1].TextContent);
        // Area, period and leads in each column's language.
        Assert.Contains("Lead units", Cells(rows[1])[0].TextContent);
        Assert.Contains("Department of Planning and International Cooperation", Cells(rows[1])[0].TextContent);
        Assert.Contains("ຫົວໜ່ວຍເປັນເຈົ້າການ", Cells(rows[1])[1].TextContent);
        Assert.Contains("2026–2027", Cells(rows[1])[1].TextContent);
        Assert.Contains("ຊື່ເອກະສານ", page.QuerySelector("tr.bilingual-document-title")!.TextContent);

        // The picker is a plain GET form that shows the pair chosen, and the swap link reverses it.
        var picker = page.QuerySelector("form.bilingual-controls")!;
        Assert.Equal("get", picker.GetAttribute("method"));
        Assert.Equal("en", picker.QuerySelector("select[name=left] option[selected]")!.GetAttribute("value"));
        Assert.Equal("lo", picker.QuerySelector("select[name=right] option[selected]")!.GetAttribute("value"));
        Assert.Equal("?left=lo&right=en", page.QuerySelector("#bilingual-swap")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AClauseWithNoLaoTextSaysSoInTheReadersLanguageAndShowsItsOriginal()
    {
        var minutes = await CreateMinutesAsync();
        var page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        var row = page.QuerySelector($"#clause-{minutes.NoLao}")!;
        var (vietnamese, lao) = (Cells(row)[0], Cells(row)[1]);
        Assert.Contains("Hỗ trợ xây dựng trung tâm dịch vụ việc làm", vietnamese.TextContent);
        Assert.Null(vietnamese.QuerySelector(".bilingual-missing"));
        Assert.Equal("lo", lao.GetAttribute("lang"));
        Assert.Equal("Chưa có bản tiếng Lào.", lao.QuerySelector(".bilingual-missing")!.TextContent.Trim());
        var original = lao.QuerySelector(".bilingual-original")!;
        Assert.Equal("vi", original.GetAttribute("lang"));
        Assert.Contains("Hỗ trợ xây dựng trung tâm dịch vụ việc làm", original.TextContent);
        Assert.Contains("bản gốc tiếng Việt", original.TextContent);
        // A clause that has its Lao says nothing of the kind.
        Assert.Null(page.QuerySelector($"#clause-{minutes.Clause1} .bilingual-missing"));

        var english = await (await ReaderInAsync(factory, "en")).GetPageAsync($"/instruments/{minutes.Id}/bilingual?left=vi&right=lo");
        Assert.Equal("No Lao text yet.", english.QuerySelector($"#clause-{minutes.NoLao} td[lang=lo] .bilingual-missing")!.TextContent.Trim());
    }

    [Fact]
    public async Task ATranslationNobodyHasVerifiedIsMarkedAndAVerifiedOneOrTheOriginalIsNot()
    {
        var minutes = await CreateMinutesAsync();
        var page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        string? Mark(int clause, string language) => page.QuerySelector($"#clause-{clause} td[lang={language}] .bilingual-unverified")?.TextContent.Trim();
        Assert.Equal("Bản dịch chưa được kiểm tra", Mark(minutes.Clause2, "lo"));
        Assert.Null(Mark(minutes.Clause1, "lo"));
        Assert.Null(Mark(minutes.Clause1, "vi"));
        Assert.Null(Mark(minutes.Clause2, "vi"));
        // A missing text is said as missing, not as unverified.
        Assert.Null(Mark(minutes.NoLao, "lo"));
        // The title is a translation too: the instrument's Lao title is not verified.
        Assert.NotNull(page.QuerySelector("tr.bilingual-document-title td[lang=lo] .bilingual-unverified"));
        Assert.Null(page.QuerySelector("tr.bilingual-document-title td[lang=vi] .bilingual-unverified"));

        // A clause written in English: its Vietnamese is the translation now, and where it has no Lao the
        // cell shows the English it was written in.
        await factory.WithDbAsync(async db =>
        {
            var clause = await db.Commitments.SingleAsync(c => c.Id == minutes.NoLao);
            clause.Translation.Original = "en";
            await db.SaveChangesAsync();
        });
        page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        Assert.Equal("Bản dịch chưa được kiểm tra", Mark(minutes.NoLao, "vi"));
        var original = page.QuerySelector($"#clause-{minutes.NoLao} td[lang=lo] .bilingual-original")!;
        Assert.Equal("en", original.GetAttribute("lang"));
        Assert.Contains("Support building an employment service centre", original.TextContent);
        Assert.Contains("bản gốc tiếng Anh", original.TextContent);
    }

    [Fact]
    public async Task AClauseRestrictedToLaosIsAbsentForTheVietnameseSideAndShownToTheLaoSide()
    {
        var minutes = await CreateMinutesAsync();
        var url = $"/instruments/{minutes.Id}/bilingual";
        var vietnamese = await (await factory.CoordinatorAsync()).GetAsync(url);
        var body = await vietnamese.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, vietnamese.StatusCode);
        var vietnamesePage = await Html.ParseAsync(body);
        Assert.Null(vietnamesePage.QuerySelector($"#clause-{minutes.LaoOnly}"));
        Assert.Equal(3, ClauseRows(vietnamesePage).Length);
        Assert.DoesNotContain("Điều khoản riêng của phía Lào", body);
        Assert.DoesNotContain("ຂໍ້ສະເພາະຂອງຝ່າຍລາວ", body);

        var lao = await (await factory.CoordinatorAsync(TestAccounts.LaoCooperation)).GetPageAsync(url);
        Assert.Equal(4, ClauseRows(lao).Length);
        Assert.Contains($"ຂໍ້ສະເພາະຂອງຝ່າຍລາວ {minutes.Marker}", lao.QuerySelector($"#clause-{minutes.LaoOnly}")!.TextContent);

        // Shared between the sides, not published: the public gets no view of it, only the way to sign in.
        var anonymous = await factory.NewClient(redirects: false).GetAsync(url);
        Assert.StartsWith("/account/sign-in?returnUrl=", anonymous.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheMeetingViewShowsTheNinthConferenceAndItsMinutesClauseByClause()
    {
        var (meeting, minutes, mou, clauses) = await factory.WithDbAsync(async db =>
        {
            var conference = await db.Meetings.Where(m => m.Key == "conf-9").Select(m => m.Id).SingleAsync();
            var minutes = await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync();
            var mou = await db.Instruments.Where(i => i.Key == "mou-labour-merit-2025").Select(i => i.Id).SingleAsync();
            var clauses = await db.Commitments.Where(c => c.InstrumentId == minutes).OrderBy(c => c.Sequence).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Text.Vi }).ToListAsync();
            return (conference, minutes, mou, clauses);
        });
        var page = await (await ReaderAsync(factory)).GetPageAsync($"/meetings/{meeting}/bilingual");

        Assert.Equal(["vi", "lo"], ColumnLanguages(page));
        var title = page.QuerySelector("tr.bilingual-document-title")!;
        Assert.Contains("Hội nghị Bộ trưởng Lao động Việt Nam - Lào lần thứ 9", Cells(title)[0].TextContent);
        Assert.Contains("ຄັ້ງທີ 9", Cells(title)[1].TextContent);
        Assert.NotNull(Cells(title)[1].QuerySelector(".bilingual-unverified"));
        Assert.Contains("Ninh Bình", page.QuerySelector("tbody.bilingual-header")!.TextContent);
        Assert.Equal(["Đánh giá kết quả hợp tác giai đoạn 2024-2025", "Kế hoạch hợp tác năm 2026-2027",
            "Giải pháp thúc đẩy hợp tác trong lĩnh vực lao động, việc làm, người có công giai đoạn 2025-2027"],
            page.QuerySelectorAll("td[lang=vi] ol.bilingual-items li").Select(li => li.TextContent.Trim()));

        // Both instruments signed there, each with a heading row in both languages, and the minutes' clauses.
        Assert.NotNull(page.QuerySelector($"tbody#instrument-{mou}"));
        var section = page.QuerySelector($"tbody#instrument-{minutes}")!;
        Assert.Contains("Biên bản Hội nghị Bộ trưởng Lao động Việt Nam - Lào lần thứ 9", section.QuerySelector("tr.bilingual-section th[lang=vi]")!.TextContent);
        Assert.NotNull(section.QuerySelector("tr.bilingual-section th[lang=lo]"));
        var rows = section.QuerySelectorAll("tr.bilingual-clause");
        Assert.True(clauses.Count > 1);
        Assert.Equal(clauses.Select(c => $"clause-{c.Id}"), rows.Select(r => r.Id));
        Assert.All(rows.Zip(clauses), pair => Assert.Contains(pair.Second.Vi!, Cells(pair.First)[0].TextContent));
    }

    [Fact]
    public async Task TheDetailsPagesLinkToTheirBilingualView()
    {
        var (meeting, minutes) = await factory.WithDbAsync(async db => (
            await db.Meetings.Where(m => m.Key == "conf-9").Select(m => m.Id).SingleAsync(),
            await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync()));
        var client = factory.NewClient();
        Assert.Equal($"/instruments/{minutes}/bilingual", (await client.GetPageAsync($"/instruments/{minutes}")).QuerySelector("#bilingual-link")!.GetAttribute("href"));
        Assert.Equal($"/meetings/{meeting}/bilingual", (await client.GetPageAsync($"/meetings/{meeting}")).QuerySelector("#bilingual-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownInstrumentOrMeetingHasNoBilingualView()
    {
        var client = await ReaderAsync(factory);
        await client.GetPageAsync("/instruments/987654/bilingual", HttpStatusCode.NotFound);
        await client.GetPageAsync("/meetings/987654/bilingual", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInstrumentOfHundredsOfClausesShowsThemAllInOrderWithTheSameNumberOfQueriesAsAShortOne()
    {
        var minutes = await CreateMinutesAsync();
        var (id, texts) = await CreateLongInstrumentAsync(300);
        var client = await ReaderAsync(factory);
        await client.GetPageAsync($"/instruments/{minutes.Id}/bilingual");

        using var counter = await CommandCounter.StartAsync(factory);
        var shortPage = await client.GetPageAsync($"/instruments/{minutes.Id}/bilingual");
        var forShort = counter.Take();
        var longPage = await client.GetPageAsync($"/instruments/{id}/bilingual");
        var forLong = counter.Take();

        var rows = ClauseRows(longPage);
        Assert.Equal(300, rows.Length);
        Assert.Equal(texts, rows.Select(r => Cells(r)[0].QuerySelector(".text-pre-line")!.TextContent.Trim()));
        Assert.Equal(150, longPage.QuerySelectorAll("tr.bilingual-clause td[lang=lo] .bilingual-missing").Length);
        Assert.Null(longPage.QuerySelector("#bilingual-capped"));
        Assert.Equal(3, ClauseRows(shortPage).Length);
        Assert.True(forShort > 0, "no database command was counted: the counter sees nothing");
        Assert.Equal(forShort, forLong);
    }

    // An instrument of `count` clauses, each led by a department of each side, every other one without Lao.
    // Sequences are given backwards, so that the order on the page comes from them, not from the ids.
    Task<(int Id, List<string> Texts)> CreateLongInstrumentAsync(int count) => factory.WithDbAsync(async db =>
    {
        var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "arrangement").Select(t => t.Id).SingleAsync();
        var area = await db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.Code == "vocational-education").Select(t => t.Id).SingleAsync();
        var leads = await db.Organisations.Where(o => o.Key == "la-mlsw-dpic" || o.Key == "vn-molisa-icd").Select(o => new { o.Id, o.Country }).ToListAsync();
        var instrument = new Instrument { KindId = kind, Title = new LocalizedText("Kế hoạch hợp tác dài (thử)", "Long cooperation plan (test)"), Status = InstrumentStatus.Signed };
        var clauses = Enumerable.Range(1, count).Select(n => new Commitment
        {
            Instrument = instrument, Number = $"{n}", Sequence = 10_000 - n, AreaId = area, Period = new Period(2026, 2030),
            Text = new LocalizedText($"Cam kết thử số {n}", $"Test commitment {n}", n % 2 == 0 ? $"ຄຳໝັ້ນສັນຍາທົດລອງ {n}" : null),
            Leads = [.. leads.Select(l => new CommitmentLead { OrganisationId = l.Id, Country = l.Country! })],
        }).ToList();
        db.Add(instrument);
        db.AddRange(clauses);
        await db.SaveChangesAsync();
        return (instrument.Id, clauses.OrderBy(c => c.Sequence).Select(c => c.Text.Vi!).ToList());
    });

    [Fact]
    public async Task AnInstrumentOfMoreThanTwoThousandClausesShowsTheFirstTwoThousandAndSaysSo()
    {
        var (id, texts) = await CreateLongInstrumentAsync(251);
        // Eight copies of each clause, made by the database itself (2,008 clauses through the change log would
        // take a minute): three rounds of INSERT ... SELECT of every column but the id.
        await factory.WithDbAsync(async db =>
        {
            var columns = db.IsPostgres
                ? await db.Database.SqlQueryRaw<string>("SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'Commitments' AND column_name <> 'Id'").ToListAsync()
                : await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('Commitments') WHERE name <> 'Id'").ToListAsync();
            // Column names from the database's own catalogue; the id is a parameter.
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var copy = $"INSERT INTO \"Commitments\" ({list}) SELECT {list} FROM \"Commitments\" WHERE \"InstrumentId\" = {{0}}";
            for (var round = 0; round < 3; round++)
                await db.Database.ExecuteSqlRawAsync(copy, id);
            // Written behind the app's saves: the translation counts are made again, as after any change by hand.
            await Concord.Features.Translations.TranslationCounts.RecountAsync(db, CancellationToken.None);
        });
        Assert.Equal(2008, await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.InstrumentId == id)));

        var page = await (await ReaderAsync(factory)).GetPageAsync($"/instruments/{id}/bilingual");
        var rows = ClauseRows(page);
        Assert.Equal(2000, rows.Length);
        Assert.Equal(texts[0], Cells(rows[0])[0].QuerySelector(".text-pre-line")!.TextContent.Trim());
        Assert.Equal(texts[0], Cells(rows[7])[0].QuerySelector(".text-pre-line")!.TextContent.Trim());
        Assert.Equal(texts[1], Cells(rows[8])[0].QuerySelector(".text-pre-line")!.TextContent.Trim());
        Assert.Equal("Bản song ngữ chỉ hiển thị 2.000 cam kết đầu tiên; các cam kết còn lại có tại trang Cam kết.",
            page.QuerySelector("#bilingual-capped")!.TextContent.Trim());
    }

    // Counts the SQL commands run on this factory's database (other test classes run theirs in parallel on
    // their own databases), from EF Core's diagnostic events.
    sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        readonly string database;
        readonly List<IDisposable> subscriptions = [];
        int count;

        CommandCounter(string database) => this.database = database;

        public static async Task<CommandCounter> StartAsync(ConcordFactory factory)
        {
            var counter = new CommandCounter(await factory.WithDbAsync(db => Task.FromResult(Key(db.Database.GetDbConnection()))));
            counter.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
            return counter;
        }

        static string Key(System.Data.Common.DbConnection connection) => $"{connection.DataSource}|{connection.Database}";

        public int Take() => Interlocked.Exchange(ref count, 0);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (subscriptions) subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data && Key(data.Connection) == database)
                Interlocked.Increment(ref count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (subscriptions) foreach (var s in subscriptions) s.Dispose();
        }
    }
}

public sealed class BilingualOnSqlite(SqliteFactory factory) : BilingualTests(factory), IClassFixture<SqliteFactory>;
public sealed class BilingualOnPostgres(PostgresFactory factory) : BilingualTests(factory), IClassFixture<PostgresFactory>;
