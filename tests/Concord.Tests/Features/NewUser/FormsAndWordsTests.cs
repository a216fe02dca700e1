using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Audit;
using Concord.Features.Instruments;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.NewUser;

// Limits shown and enforced without cutting, carry-over into later minutes only, the pickers, and the words.
public abstract class FormsAndWordsTests(ConcordFactory factory)
{
    [Fact]
    public async Task AFiveThousandCharacterTitleIsRefusedBesideTheFieldAndComesBackWhole()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var form = await client.GetPageAsync("/instruments/new?culture=en");
        var title = form.QuerySelector("[name='Input.TitleVi']")!;
        Assert.False(title.HasAttribute("maxlength"));
        Assert.Equal("500", title.GetAttribute("data-limit"));
        var hint = form.QuerySelector($"#{title.Id}-limit")!;
        Assert.Equal("At most 500 characters.", hint.TextContent.Trim());
        Assert.Contains(hint.Id!, title.GetAttribute("aria-describedby"));
        var typed = new string('x', 5000);

        var response = await client.SubmitFormAsync(form, "/instruments/new?culture=en", new Dictionary<string, string?>
        {
            ["Input.KindId"] = form.QuerySelector("select[name='Input.KindId'] option[value]:not([value=''])")!.GetAttribute("value"),
            ["Input.TitleVi"] = typed,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(typed, again.QuerySelector("[name='Input.TitleVi']")!.GetAttribute("value"));
        Assert.Equal("Too long: at most 500 characters.", again.QuerySelector("[data-valmsg-for='Input.TitleVi']")!.TextContent.Trim());

        var api = await client.PostAsJsonAsync("/api/instruments?culture=en", new { kindId = 1, titleVi = typed, status = "Draft" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Too long: at most 500 characters.", errors.GetProperty("titleVi")[0].GetString());
    }

    [Fact]
    public async Task CarryOverOffersOnlyLaterMinutesWithTheirDatesAndRefusesAnMoU()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var mou = await factory.WithDbAsync(async db =>
        {
            var kinds = await ReferenceTerms.IdsAsync(db, Vocabularies.InstrumentKind);
            var instrument = new Instrument
            {
                KindId = kinds["memorandum"], Title = new LocalizedText($"Bản ghi nhớ 2013 {world.Tag}"), Status = InstrumentStatus.Signed,
                SignedOn = new DateOnly(2013, 6, 1), SignedOnPrecision = DatePrecision.Day,
            };
            db.Instruments.Add(instrument);
            await db.SaveChangesAsync();
            return instrument.Id;
        });
        var client = await factory.CoordinatorAsync(redirects: false);

        var page = await client.GetPageAsync($"/commitments/{id}/carry-over?culture=en");

        var options = page.QuerySelectorAll("select[name='Input.InstrumentId'] option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
        Assert.Contains(world.NinthMinutes.ToString(), options.Keys);
        Assert.Contains("12 November 2025", options[world.NinthMinutes.ToString()]);
        Assert.DoesNotContain(world.SeventhMinutes.ToString(), options.Keys);
        Assert.DoesNotContain(world.EighthMinutes.ToString(), options.Keys);
        Assert.DoesNotContain(mou.ToString(), options.Keys);

        var refused = await client.SubmitFormAsync(page, $"/commitments/{id}/carry-over?culture=en", new Dictionary<string, string?> { ["Input.InstrumentId"] = mou.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("minutes of a later meeting", again.QuerySelector("[data-valmsg-for='Input.InstrumentId']")!.TextContent);
        var earlier = await client.SubmitFormAsync(page, $"/commitments/{id}/carry-over?culture=en", new Dictionary<string, string?> { ["Input.InstrumentId"] = world.SeventhMinutes.ToString() });
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        Assert.Equal(Concord.Features.Commitments.CommitmentStatus.InProgress, (await world.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task AMeetingPageOffersItsMinutesPrefilledAndAnInstrumentPageACommitment()
    {
        var client = await factory.CoordinatorAsync();
        var meeting = await factory.WithDbAsync(db => db.Meetings.Where(m => m.StartsOn != null).OrderBy(m => m.Id).Select(m => new { m.Id, m.StartsOn, m.StartsOnPrecision }).FirstAsync());
        var page = await client.GetPageAsync($"/meetings/{meeting.Id}");
        var link = page.QuerySelector("#add-minutes")!.GetAttribute("href")!;
        Assert.Equal($"/instruments/new?meeting={meeting.Id}", link);

        var form = await client.GetPageAsync(link);
        Assert.Equal(meeting.Id.ToString(), form.QuerySelector("select[name='Input.MeetingId'] option[selected]")!.GetAttribute("value"));
        var minutes = await factory.WithDbAsync(db => ReferenceTerms.IdsAsync(db, Vocabularies.InstrumentKind));
        Assert.Equal(minutes["minutes"].ToString(), form.QuerySelector("select[name='Input.KindId'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(PartialDate.From(meeting.StartsOn, meeting.StartsOnPrecision)!.Value.ToInputText(), form.QuerySelector("[name='Input.Signed']")!.GetAttribute("value"));

        var instrument = await factory.WithDbAsync(db => db.Instruments.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        Assert.Equal($"/commitments/new?instrument={instrument}", (await client.GetPageAsync($"/instruments/{instrument}")).QuerySelector($"a[href='/commitments/new?instrument={instrument}']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task MultiplePicksAreTickBoxesInAClosedListAndSaveWhatIsTicked()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        var form = await client.GetPageAsync("/meetings/new?culture=en");
        Assert.Empty(form.QuerySelectorAll("select[multiple]"));
        var picker = form.QuerySelector("fieldset[data-picker]#Input_ParticipantIds-picker")!;
        Assert.Contains(picker.QuerySelectorAll("details .picker-group legend"), l => l.TextContent.Trim() == "Laos");
        Assert.NotNull(picker.QuerySelector($"details input[type=checkbox][name='Input.ParticipantIds'][value='{world.LaMinistry}']"));
        Assert.Null(picker.QuerySelector("details[open]"));
        Assert.NotNull(picker.QuerySelector(".picker-filter[hidden] input[type=search]"));

        var workshop = (await factory.WithDbAsync(db => ReferenceTerms.IdsAsync(db, Vocabularies.MeetingKind)))["workshop"];
        var saved = await client.SubmitFormAsync(form, "/meetings/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = workshop.ToString(),
            ["Input.TitleVi"] = $"Hội thảo {world.Tag}",
            ["Input.Starts"] = "2026",
            ["Input.ParticipantIds"] = world.LaMinistry.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var meeting = int.Parse(saved.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);
        var edit = await client.GetPageAsync($"/meetings/{meeting}/edit");
        var chosen = edit.QuerySelectorAll("#Input_ParticipantIds-picker .picker-chosen input[type=checkbox]");
        Assert.Equal([world.LaMinistry.ToString()], chosen.Select(c => c.GetAttribute("value")));
        Assert.All(chosen, c => Assert.True(c.HasAttribute("checked")));
    }

    [Fact]
    public async Task CountsUseTheLanguagesPluralRules()
    {
        var t = new JsonStringLocalizer(StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features")));
        string In(string culture, long n)
        {
            var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            try { return t.Count("Organisations.CommitmentCount", n); }
            finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before; }
        }
        Assert.Equal("1 commitment", In("en", 1));
        Assert.Equal("2 commitments", In("en", 2));
        Assert.Equal("0 commitments", In("en", 0));
        Assert.Equal("1,200 commitments", In("en", 1200));
        Assert.Equal("1 cam kết", In("vi", 1));
        Assert.Equal("2 cam kết", In("vi", 2));
        Assert.Equal(In("lo", 2).Replace("2", "1"), In("lo", 1));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SeededTermsStillNamedAsSeededAreRenamedAndAnAdministratorsNameIsKept()
    {
        var (ngo, som) = await factory.WithDbAsync(async db =>
        {
            var ngo = await db.Terms.SingleAsync(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code == "ngo");
            var som = await db.Terms.SingleAsync(t => t.Vocabulary == Vocabularies.MeetingKind && t.Code == "senior-officials-meeting");
            // As an earlier version seeded them; the Vietnamese of the second an administrator's own.
            ngo.Name = new LocalizedText("Tổ chức phi chính phủ", "Non-governmental organisation", "ອົງການຈັດຕັ້ງທີ່ບໍ່ແມ່ນລັດຖະບານ");
            som.Name = new LocalizedText("Hội nghị SOM (do quản trị viên đặt)", "Senior officials' meeting", "ກອງປະຊຸມເຈົ້າໜ້າທີ່ອາວຸໂສ");
            await db.SaveChangesAsync();
            return (ngo.Id, som.Id);
        });
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == nameof(Term) && e.RecordId == ngo));

        await factory.WithDbAsync(db => ReferenceTerms.EnsureAsync(db));

        var names = await factory.WithDbAsync(db => db.Terms.AsNoTracking().Where(t => t.Id == ngo || t.Id == som).ToDictionaryAsync(t => t.Id, t => t.Name));
        Assert.Equal("Tổ chức phi chính phủ nước ngoài", names[ngo].Vi);
        Assert.Equal("Foreign non-governmental organisation", names[ngo].En);
        Assert.Equal("Hội nghị SOM (do quản trị viên đặt)", names[som].Vi);
        Assert.Equal("Senior Officials' Meeting (SOM)", names[som].En);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == nameof(Term) && e.RecordId == ngo).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before + 1, audit.Count);
        Assert.Contains("nước ngoài", audit[^1].Changes);
    }
}

public sealed class FormsAndWordsOnSqlite(SqliteFactory factory) : FormsAndWordsTests(factory), IClassFixture<SqliteFactory>;
public sealed class FormsAndWordsOnPostgres(PostgresFactory factory) : FormsAndWordsTests(factory), IClassFixture<PostgresFactory>;
