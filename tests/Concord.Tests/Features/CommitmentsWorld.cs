using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// The organisations and instruments a commitment test needs, made fresh for each test (the fixture's
// database is shared by a class's tests), named with a tag so that nothing collides:
// a Vietnamese ministry with a department, the ministry it succeeded with a department of its own,
// a Lao ministry with a department, an international body, and the minutes of three conferences.
public sealed class CommitmentsWorld
{
    readonly ConcordFactory factory;
    readonly Dictionary<int, string?> countries = [];

    CommitmentsWorld(ConcordFactory factory, string tag) { this.factory = factory; Tag = tag; }

    public string Tag { get; }
    public int VnMinistry { get; private set; }
    public int VnDepartment { get; private set; }
    public int OldVnMinistry { get; private set; }
    public int OldVnDepartment { get; private set; }
    public int LaMinistry { get; private set; }
    public int LaDepartment { get; private set; }
    public int International { get; private set; }
    public int SeventhMinutes { get; private set; }
    public int EighthMinutes { get; private set; }
    public int NinthMinutes { get; private set; }
    public int TenthMinutes { get; private set; }
    public int Vocational { get; private set; }
    public int SocialInsurance { get; private set; }

    public static async Task<CommitmentsWorld> CreateAsync(ConcordFactory factory)
    {
        var world = new CommitmentsWorld(factory, Guid.NewGuid().ToString("N")[..8]);
        await factory.WithDbAsync(world.FillAsync);
        return world;
    }

    async Task FillAsync(Data.ConcordDb db)
    {
        var orgKinds = await ReferenceTerms.IdsAsync(db, Vocabularies.OrganisationKind);
        var instrumentKinds = await ReferenceTerms.IdsAsync(db, Vocabularies.InstrumentKind);
        var areas = await ReferenceTerms.IdsAsync(db, Vocabularies.Area);
        Organisation Org(string key, string kind, string? country, string vi, string en, Organisation? parent = null) => new()
        {
            Key = $"{key}-{Tag}", KindId = orgKinds[kind], Country = country, Name = new LocalizedText(vi, en), Abbreviation = key.ToUpperInvariant(), Parent = parent,
        };
        var vnMinistry = Org("moha", "ministry", "VN", $"Bộ Nội vụ {Tag}", $"Ministry of Home Affairs {Tag}");
        var vnDepartment = Org("icd", "department", "VN", $"Vụ Hợp tác quốc tế {Tag}", $"Department of International Cooperation {Tag}", vnMinistry);
        var oldMinistry = Org("molisa", "ministry", "VN", $"Bộ Lao động - Thương binh và Xã hội {Tag}", $"MOLISA {Tag}");
        oldMinistry.Successor = vnMinistry;
        var oldDepartment = Org("dovet", "department", "VN", $"Tổng cục Giáo dục nghề nghiệp {Tag}", $"Directorate of Vocational Education {Tag}", oldMinistry);
        var laMinistry = Org("mlsw", "ministry", "LA", $"Bộ Lao động và Phúc lợi xã hội Lào {Tag}", $"MLSW {Tag}");
        var laDepartment = Org("dpic", "department", "LA", $"Cục Kế hoạch và Hợp tác quốc tế {Tag}", $"Department of Planning and International Cooperation {Tag}", laMinistry);
        var international = Org("ilo", "international-organisation", null, $"Tổ chức Lao động quốc tế {Tag}", $"ILO {Tag}");
        Instrument Minutes(int number, DateOnly signed) => new()
        {
            KindId = instrumentKinds["minutes"], Title = new LocalizedText($"Biên bản Hội nghị lần thứ {number} {Tag}", $"Minutes of the {number}th conference {Tag}"),
            Status = InstrumentStatus.Signed, SignedOn = signed, SignedOnPrecision = DatePrecision.Day,
        };
        var seventh = Minutes(7, new DateOnly(2021, 12, 15));
        var eighth = Minutes(8, new DateOnly(2023, 11, 20));
        var ninth = Minutes(9, new DateOnly(2025, 11, 12));
        var tenth = Minutes(10, new DateOnly(2027, 11, 10));
        db.AddRange(vnMinistry, vnDepartment, oldMinistry, oldDepartment, laMinistry, laDepartment, international);
        db.AddRange(seventh, eighth, ninth, tenth);
        await db.SaveChangesAsync();

        (VnMinistry, VnDepartment, OldVnMinistry, OldVnDepartment) = (vnMinistry.Id, vnDepartment.Id, oldMinistry.Id, oldDepartment.Id);
        (LaMinistry, LaDepartment, International) = (laMinistry.Id, laDepartment.Id, international.Id);
        (SeventhMinutes, EighthMinutes, NinthMinutes, TenthMinutes) = (seventh.Id, eighth.Id, ninth.Id, tenth.Id);
        (Vocational, SocialInsurance) = (areas["vocational-education"], areas["social-insurance"]);
        foreach (var o in new[] { vnMinistry, vnDepartment, oldMinistry, oldDepartment, laMinistry, laDepartment, international })
            countries[o.Id] = o.Country;
    }

    // A clause of the 8th conference's minutes, 2024-2025, in progress, unless `set` says otherwise.
    public async Task<int> AddCommitmentAsync(Action<Commitment>? set = null, params int[] leads)
    {
        var ids = await AddCommitmentsAsync(1, (_, c) => set?.Invoke(c), leads);
        return ids[0];
    }

    // Several clauses in one save, so they share one UpdatedAt (ties the list's keyset must handle).
    public async Task<List<int>> AddCommitmentsAsync(int count, Action<int, Commitment> set, params int[] leads) =>
        await factory.WithDbAsync(async db =>
        {
            var made = Enumerable.Range(0, count).Select(i =>
            {
                var c = new Commitment
                {
                    InstrumentId = EighthMinutes, Number = $"{i + 3}", Sequence = i + 1,
                    Text = new LocalizedText($"Tiếp tục hỗ trợ Lào phát triển giáo dục nghề nghiệp {Tag} #{i}", $"Keep supporting Lao vocational education {Tag} #{i}"),
                    AreaId = Vocational, Period = new Period(2024, 2025), Status = CommitmentStatus.InProgress,
                    Leads = leads.Select(id => new CommitmentLead { OrganisationId = id, Country = countries[id]! }).ToList(),
                };
                set(i, c);
                return c;
            }).ToList();
            db.Commitments.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(c => c.Id).ToList();
        });

    public async Task<int> AddInstrumentAsync(string title, DateOnly? signed = null) =>
        await factory.WithDbAsync(async db =>
        {
            var kinds = await ReferenceTerms.IdsAsync(db, Vocabularies.InstrumentKind);
            var instrument = new Instrument
            {
                KindId = kinds["minutes"], Title = new LocalizedText($"{title} {Tag}"), Status = InstrumentStatus.Signed,
                SignedOn = signed, SignedOnPrecision = DatePrecision.Day,
            };
            db.Instruments.Add(instrument);
            await db.SaveChangesAsync();
            return instrument.Id;
        });

    public async Task<int> AddReportAsync(int commitmentId, string country, CommitmentStatus status, DateOnly reportedOn, Period? period = null) =>
        await factory.WithDbAsync(async db =>
        {
            var report = new ProgressReport
            {
                CommitmentId = commitmentId, Country = country, OrganisationId = country == "VN" ? VnDepartment : LaDepartment,
                Period = period ?? new Period(2024, 2025), Status = status, ReportedOn = reportedOn, Narrative = new LocalizedText($"Báo cáo {Tag}"),
            };
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    public Task<Commitment> LoadAsync(int id) =>
        factory.WithDbAsync(db => db.Commitments.AsNoTracking().Include(c => c.Leads).SingleAsync(c => c.Id == id));
}
