using System.Globalization;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Data.SyntheticTexts;

namespace Concord.Data;

public sealed record SyntheticOptions(int Commitments, int ReportsPerCommitment, int Seed, DateOnly AsOf, bool Force)
{
    // Everything else scales from the number of commitments, so a test run of 2,000 is a ministry in miniature.
    public int Partners => Math.Clamp(Commitments / 1500, 12, 400);
    public int Instruments => Math.Max(20, Commitments / 60);
    public int ExtraMeetings => Instruments * 2 / 5;
    public int Activities => Math.Max(10, Commitments / 5);
    public long Reports => (long)Commitments * ReportsPerCommitment;
    public int FirstYear => AsOf.Year - 19;
}

// The first free id of each table, so synthetic rows sit beside the demo without renumbering it.
public sealed record FirstIds(int Organisation, int Person, int Meeting, int Instrument, int Link, int Commitment, int Report, int Activity);

// A ministry's international cooperation over twenty years, drawn from one seeded random sequence
// in a fixed order, so the same options always give the same rows. Everything but the progress
// reports is held in memory (the process peaks at 1-2 GB at 500,000 commitments); the reports are streamed.
public sealed class SyntheticWorld
{
    public const string KeyPrefix = "syn-";

    public List<Organisation> Organisations { get; } = [];
    public List<Person> People { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<MeetingChair> MeetingChairs { get; } = [];
    public List<MeetingParticipant> MeetingParticipants { get; } = [];
    public List<Instrument> Instruments { get; } = [];
    public List<InstrumentParty> InstrumentParties { get; } = [];
    public List<InstrumentSignatory> InstrumentSignatories { get; } = [];
    public List<InstrumentLink> InstrumentLinks { get; } = [];
    public List<Commitment> Commitments { get; } = [];
    public List<CommitmentLead> CommitmentLeads { get; } = [];
    public List<Activity> Activities { get; } = [];
    public List<ActivityOrganisation> ActivityOrganisations { get; } = [];
    public List<ActivityCommitment> ActivityCommitments { get; } = [];

    readonly SyntheticOptions options;
    readonly FirstIds first;
    readonly Dictionary<(string, string), int> terms;
    readonly Dictionary<int, string> codes;
    readonly Dictionary<string, (string Vi, string En)> areaNames;
    readonly Rng rng;
    readonly string sources;
    readonly Weighted<int> years;
    readonly Weighted<string> areas;
    readonly List<Partner> partners = [];
    Weighted<Partner> partnerWeights = null!;
    Organisation vnMinistry = null!;
    readonly List<Organisation> vnDepartments = [];
    readonly List<Person> vnLeaders = [];
    readonly Dictionary<Organisation, List<Person>> peopleOf = [];
    // Per commitment, what its reports need: the partner and each side's reporting organisation.
    int[] commitmentPartner = [];
    int[] vnReporter = [];
    int[] partnerReporter = [];
    int[] reportCounts = [];

    public SyntheticWorld(SyntheticOptions options, FirstIds first, IEnumerable<Term> terms)
    {
        this.options = options;
        this.first = first;
        var list = terms.ToList();
        this.terms = list.ToDictionary(t => (t.Vocabulary, t.Code), t => t.Id);
        codes = list.ToDictionary(t => t.Id, t => t.Code);
        areaNames = list.Where(t => t.Vocabulary == Vocabularies.Area)
            .ToDictionary(t => t.Code, t => (LowerFirst(t.Name.Vi ?? t.Code), LowerFirst(t.Name.En ?? t.Code)));
        rng = new Rng(options.Seed);
        sources = $"dữ liệu tổng hợp / synthetic data (seed {options.Seed})";
        // Cooperation grows over the years: the last year sees about two and a half times the first.
        years = new Weighted<int>(Enumerable.Range(options.FirstYear, 20).Select(y => (y, 1 + (y - options.FirstYear) * 0.08)));
        areas = new Weighted<string>(Areas.Where(a => areaNames.ContainsKey(a.Code)));

        BuildOrganisations();
        BuildInstrumentsAndMeetings();
        BuildCommitments();
        PlanReports();
        BuildActivities();
    }

    public long ReportCount => reportCounts.Sum(c => (long)c);

    // ---- organisations and people ----

    void BuildOrganisations()
    {
        vnMinistry = AddOrganisation("ministry", "VN", null, "Bộ Lao động và Xã hội (dữ liệu tổng hợp)", "Ministry of Labour and Social Affairs (synthetic data)", "MOLSA-SYN");
        vnLeaders.Add(AddPerson(vnMinistry, "VN", "Bộ trưởng", "Minister"));
        for (var i = 0; i < 3; i++) vnLeaders.Add(AddPerson(vnMinistry, "VN", "Thứ trưởng", "Deputy Minister"));
        foreach (var (vi, en) in Departments)
        {
            var department = AddOrganisation("department", "VN", vnMinistry, vi, en);
            vnDepartments.Add(department);
            AddPerson(department, "VN", HeadOf(vi), $"Director General, {en}");
            AddPerson(department, "VN", "Phó " + HeadOf(vi), $"Deputy Director General, {en}");
        }

        var total = options.Partners;
        var countries = Math.Min(Countries.Length, Math.Max(4, total / 5));
        var internationals = Math.Min(InternationalOrganisations.Length, Math.Max(2, total / 15));
        var ngos = (total - countries - internationals) * 3 / 5;
        var institutions = total - countries - internationals - ngos;

        foreach (var (iso, vi, en) in Countries.Take(countries))
        {
            var country = AddOrganisation("country", iso, null, vi, en);
            var (ministryVi, ministryEn) = rng.Pick(MinistryNames);
            var ministry = AddOrganisation("ministry", iso, country, $"{ministryVi} {vi}", $"{ministryEn} of {en}");
            var partner = new Partner(PartnerKind.Country, ministry, vi, en, iso);
            AddPerson(ministry, iso, "Bộ trưởng", "Minister");
            AddPerson(ministry, iso, "Thứ trưởng", "Deputy Minister");
            // Ministries are merged and renamed: one partner in ten had another counterpart before.
            if (rng.Chance(0.1))
            {
                var (oldVi, oldEn) = MinistryNames.First(m => m.Vi != ministryVi);
                partner.Former = AddOrganisation("ministry", iso, country, $"{oldVi} {vi}", $"{oldEn} of {en}");
                partner.SwitchedOn = Day(rng.Between(options.FirstYear + 4, options.AsOf.Year - 2));
                var succeeded = Vague(partner.SwitchedOn, allowDay: false);
                partner.Former.Successor = ministry;
                partner.Former.SuccessorId = ministry.Id;
                (partner.Former.SucceededOn, partner.Former.SucceededOnPrecision) = (succeeded.Date, succeeded.Precision);
                AddPerson(partner.Former, iso, "Bộ trưởng", "Minister");
            }
            foreach (var index in Enumerable.Range(0, Departments.Length).OrderBy(_ => rng.Next(1000)).Take(rng.Between(3, 6)).Prepend(0).Distinct())
            {
                var (dvi, den) = Departments[index];
                var department = AddOrganisation("department", iso, ministry, dvi, den);
                partner.Departments.Add(department);
                AddPerson(department, iso, HeadOf(dvi), $"Director General, {den}");
            }
            partners.Add(partner);
        }
        foreach (var (abbreviation, iso, vi, en) in InternationalOrganisations.Take(internationals))
        {
            var organisation = AddOrganisation("international-organisation", iso, null, vi, en, abbreviation);
            var partner = new Partner(PartnerKind.International, organisation, vi, abbreviation, iso);
            AddPerson(organisation, iso, "Giám đốc", "Director");
            foreach (var (ovi, oen) in OfficeKinds.Take(rng.Between(2, 3)))
            {
                var office = AddOrganisation("department", iso, organisation, ovi, oen);
                partner.Departments.Add(office);
                AddPerson(office, iso, "Trưởng đại diện", "Head of Office");
            }
            partners.Add(partner);
        }
        var names = new HashSet<string>();
        for (var i = 0; i < ngos; i++)
        {
            var (iso, cvi, cen) = rng.Pick(Countries);
            var (fvi, fen) = rng.Pick(NgoForms);
            var (tvi, ten) = rng.Pick(NgoTopics);
            var (vi, en) = ($"{fvi} {tvi} {cvi}", $"{cen} {ten} {fen}");
            if (!names.Add(en)) (vi, en) = ($"{vi} {i + 1}", $"{en} {i + 1}");
            var organisation = AddOrganisation("ngo", iso, null, vi, en);
            AddPerson(organisation, iso, "Giám đốc", "Executive Director");
            partners.Add(new Partner(PartnerKind.Ngo, organisation, vi, en, iso));
        }
        for (var i = 0; i < institutions; i++)
        {
            var (iso, cvi, cen) = rng.Pick(Countries);
            var (kvi, ken) = rng.Pick(InstitutionKinds);
            var organisation = AddOrganisation("vocational-institution", iso, null, $"{kvi} số {i + 1} ({cvi})", $"{cen} {ken} No. {i + 1}");
            AddPerson(organisation, iso, "Hiệu trưởng", "Rector");
            partners.Add(new Partner(PartnerKind.Institution, organisation, organisation.Name.Vi!, organisation.Name.En!, iso));
        }
        // A few partners carry most of the work (Zipf-like), in an order the seed decides.
        partnerWeights = new Weighted<Partner>(partners.OrderBy(_ => rng.Next(1_000_000)).Select((p, rank) => (p, 1 / Math.Pow(rank + 1, 0.8))));
    }

    Organisation AddOrganisation(string kind, string? country, Organisation? parent, string vi, string en, string? abbreviation = null)
    {
        var organisation = new Organisation
        {
            Id = first.Organisation + Organisations.Count, Key = $"{KeyPrefix}org-{Organisations.Count + 1}", KindId = Term(Vocabularies.OrganisationKind, kind),
            Country = country, Parent = parent, ParentId = parent?.Id, Name = new LocalizedText(vi, en), Abbreviation = abbreviation,
            IsIllustrative = true, CreatedAt = Stamp(new DateOnly(options.FirstYear, 1, 1)),
        };
        Organisations.Add(organisation);
        return organisation;
    }

    Person AddPerson(Organisation organisation, string? country, string positionVi, string positionEn)
    {
        var person = new Person
        {
            Id = first.Person + People.Count, Name = NameFor(country), OrganisationId = organisation.Id,
            Position = new LocalizedText(positionVi, positionEn), IsIllustrative = true, CreatedAt = organisation.CreatedAt,
        };
        People.Add(person);
        if (!peopleOf.TryGetValue(organisation, out var list)) peopleOf[organisation] = list = [];
        list.Add(person);
        return person;
    }

    string NameFor(string? country)
    {
        if (country == "VN") return $"{rng.Pick(VietnameseFamilyNames)} {rng.Pick(VietnameseMiddleNames)} {rng.Pick(VietnameseGivenNames)}";
        var tradition = country is not null && ForeignNames.ContainsKey(country) ? country : SoutheastAsia.Contains(country) ? "SEA" : "";
        var (given, family, familyFirst) = ForeignNames[tradition];
        var (g, f) = (rng.Pick(given), rng.Pick(family));
        return familyFirst ? $"{f} {g}" : $"{g} {f}";
    }

    static string HeadOf(string department) =>
        department.StartsWith("Vụ ", StringComparison.Ordinal) ? $"Vụ trưởng {department}"
        : department.StartsWith("Cục ", StringComparison.Ordinal) ? $"Cục trưởng {department}"
        : $"Chánh {department}";

    // ---- instruments and the meetings they come from ----

    void BuildInstrumentsAndMeetings()
    {
        var drawn = Enumerable.Range(0, options.Instruments)
            .Select(i => (Partner: partnerWeights.Pick(rng), Date: Day(years.Pick(rng)), Order: i))
            .OrderBy(x => x.Date).ThenBy(x => x.Order).ToList();
        foreach (var (partner, date, _) in drawn) AddInstrument(partner, date);

        for (var i = 0; i < options.ExtraMeetings; i++)
        {
            var partner = partnerWeights.Pick(rng);
            var date = Day(years.Pick(rng));
            var area = areas.Pick(rng);
            var (avi, aen) = areaNames[area];
            Meeting meeting;
            if (rng.Chance(0.6))
            {
                var online = date.Year >= 2020 ? rng.Chance(0.5) : rng.Chance(0.05);
                meeting = AddMeeting("workshop", partner, date, $"Hội thảo Việt Nam - {partner.NameVi} về {avi}", $"Viet Nam-{partner.NameEn} workshop on {aen}",
                    online ? "Trực tuyến" : Place(partner), number: null);
                meeting.IsOnline = online;
            }
            else
            {
                var n = ++partner.WorkingGroupSessions;
                meeting = AddMeeting("working-group", partner, date, $"Phiên họp lần thứ {n} Nhóm công tác Việt Nam - {partner.NameVi} về {avi}",
                    $"{Ordinal(n)} meeting of the Viet Nam-{partner.NameEn} working group on {aen}", Place(partner), number: n);
            }
            Chair(meeting, rng.Pick(peopleOf[rng.Pick(vnDepartments)]));
            Participate(meeting, vnDepartments[0]);
            Participate(meeting, partner.CounterpartOn(date));
        }
    }

    void AddInstrument(Partner partner, DateOnly date)
    {
        var kind = KindFor(partner);
        var counterpart = partner.CounterpartOn(date);
        var area = areas.Pick(rng);
        var (avi, aen) = areaNames[area];
        var signed = VagueOrNone(date);
        var instrument = new Instrument
        {
            Id = first.Instrument + Instruments.Count, Key = $"{KeyPrefix}ins-{Instruments.Count + 1}", KindId = Term(Vocabularies.InstrumentKind, kind),
            SignedOn = signed?.Date, SignedOnPrecision = signed?.Precision ?? default, DateNote = signed is null ? "không rõ ngày ký / date of signing not recorded" : null,
            Sources = sources, IsIllustrative = true, CreatedAt = Stamp(date), Status = InstrumentStatus.Signed,
        };
        (instrument.Title, instrument.Summary) = kind switch
        {
            "agreement" => (new LocalizedText($"Hiệp định hợp tác về {avi} giữa Việt Nam và {partner.NameVi}", $"Agreement on cooperation in {aen} between Viet Nam and {partner.NameEn}"), new LocalizedText()),
            "arrangement" => (new LocalizedText($"Thỏa thuận hợp tác về {avi} giữa Việt Nam và {partner.NameVi}", $"Cooperation arrangement on {aen} between Viet Nam and {partner.NameEn}"), new LocalizedText()),
            "memorandum" => (new LocalizedText($"Bản ghi nhớ hợp tác trong lĩnh vực {avi} giữa Việt Nam và {partner.NameVi}", $"Memorandum of understanding on {aen} between Viet Nam and {partner.NameEn}"), new LocalizedText()),
            "joint-statement" => (new LocalizedText($"Tuyên bố chung Việt Nam - {partner.NameVi} về hợp tác {avi}", $"Viet Nam-{partner.NameEn} joint statement on cooperation in {aen}"), new LocalizedText()),
            _ => (new LocalizedText(), new LocalizedText()),
        };
        Instruments.Add(instrument);

        if (kind == "minutes")
        {
            var conference = Conference(partner, date, signed, area);
            instrument.MeetingId = conference.Id;
            instrument.Title = new LocalizedText("Biên bản " + LowerFirst(conference.Title.Vi!), "Minutes of the " + conference.Title.En);
            if (partner.LastFramework is { } framework)
                InstrumentLinks.Add(new InstrumentLink { Id = first.Link + InstrumentLinks.Count, FromId = instrument.Id, ToId = framework.Id, Kind = InstrumentLinkKind.Implements });
        }
        else if (kind != "joint-statement")
        {
            var age = options.AsOf.Year - date.Year;
            instrument.Status = age > 12 && rng.Chance(0.3) ? InstrumentStatus.Expired : InstrumentStatus.InForce;
            if (kind == "agreement" && signed is { } s && rng.Chance(0.6))
            {
                var inForce = s.Precision == DatePrecision.Day ? new PartialDate(s.Date.AddDays(rng.Between(30, 180)), DatePrecision.Day) : s;
                (instrument.InForceFrom, instrument.InForceFromPrecision) = (inForce.Date, inForce.Precision);
            }
            if (kind == "memorandum" && rng.Chance(0.4))
            {
                var expires = PartialDate.OfYear(date.Year + 5);
                (instrument.ExpiresOn, instrument.ExpiresOnPrecision) = (expires.Date, expires.Precision);
                if (expires.Date.Year < options.AsOf.Year) instrument.Status = InstrumentStatus.Expired;
            }
            // Some of this year's texts are still being negotiated: no date yet, and nothing to carry out.
            if (date.Year == options.AsOf.Year && rng.Chance(0.3))
            {
                instrument.Status = rng.Chance(0.5) ? InstrumentStatus.UnderNegotiation : InstrumentStatus.Draft;
                (instrument.SignedOn, instrument.SignedOnPrecision, instrument.DateNote) = (null, default, "đang đàm phán / under negotiation");
                (instrument.InForceFrom, instrument.ExpiresOn) = (null, null);
            }
            else
            {
                if (partner.LastOfKind.TryGetValue(kind, out var previous) && rng.Chance(0.15))
                {
                    InstrumentLinks.Add(new InstrumentLink { Id = first.Link + InstrumentLinks.Count, FromId = instrument.Id, ToId = previous.Id, Kind = InstrumentLinkKind.Supersedes });
                    previous.Status = InstrumentStatus.Superseded;
                }
                partner.LastOfKind[kind] = instrument;
                partner.LastFramework = instrument;
            }
        }

        InstrumentParties.Add(new InstrumentParty { InstrumentId = instrument.Id, OrganisationId = vnMinistry.Id });
        InstrumentParties.Add(new InstrumentParty { InstrumentId = instrument.Id, OrganisationId = counterpart.Id });
        if (instrument.SignedOn is not null && rng.Chance(0.7))
        {
            var vnSigner = kind is "agreement" or "minutes" or "joint-statement" ? rng.Pick(vnLeaders) : peopleOf[vnDepartments[0]][0];
            InstrumentSignatories.Add(new InstrumentSignatory { InstrumentId = instrument.Id, PersonId = vnSigner.Id });
            InstrumentSignatories.Add(new InstrumentSignatory { InstrumentId = instrument.Id, PersonId = peopleOf[counterpart][0].Id });
        }
        partner.Instruments.Add(instrument);
    }

    string KindFor(Partner partner) => partner.Kind switch
    {
        PartnerKind.Country => rng.Unit() switch { < 0.45 => "minutes", < 0.65 => "memorandum", < 0.75 => "agreement", < 0.90 => "arrangement", _ => "joint-statement" },
        PartnerKind.International => rng.Unit() switch { < 0.30 => "minutes", < 0.70 => "memorandum", _ => "arrangement" },
        _ => rng.Chance(0.7) ? "memorandum" : "arrangement",
    };

    Meeting Conference(Partner partner, DateOnly date, PartialDate? when, string area)
    {
        var (avi, aen) = areaNames[area];
        Meeting conference;
        if (partner.Kind == PartnerKind.Country)
        {
            var n = ++partner.Sessions;
            conference = AddMeeting("ministerial-conference", partner, date, $"Kỳ họp lần thứ {n} Ủy ban hỗn hợp Việt Nam - {partner.NameVi} về lao động",
                $"{Ordinal(n)} session of the Viet Nam-{partner.NameEn} Joint Committee on Labour", Place(partner), n, when);
        }
        else
        {
            conference = AddMeeting("ministerial-conference", partner, date, $"Hội nghị rà soát hợp tác Việt Nam - {partner.NameVi} năm {date.Year}",
                $"{date.Year} Viet Nam-{partner.NameEn} cooperation review", Place(partner), null, when);
        }
        conference.Agenda = new LocalizedText(
            $"Đánh giá kết quả hợp tác năm {date.Year - 1}\nThống nhất kế hoạch hợp tác giai đoạn {date.Year + 1}-{date.Year + 2}\nTrao đổi về {avi}\nKý Biên bản",
            $"Review of cooperation results in {date.Year - 1}\nAgreement of the cooperation plan {date.Year + 1}-{date.Year + 2}\nExchange on {aen}\nSigning of the minutes");
        if (conference.StartsOnPrecision == DatePrecision.Day && conference.StartsOn is { } day && rng.Chance(0.5)) conference.EndsOn = day.AddDays(1);
        var counterpart = partner.CounterpartOn(date);
        Chair(conference, rng.Pick(vnLeaders));
        Chair(conference, peopleOf[counterpart][0]);
        Participate(conference, vnMinistry);
        Participate(conference, counterpart);

        if (rng.Chance(0.6))
        {
            var prepared = AddMeeting("senior-officials-meeting", partner, date.AddDays(-1), "Họp quan chức cấp cao chuẩn bị " + LowerFirst(conference.Title.Vi!),
                "Senior officials' meeting preparing the " + conference.Title.En, conference.Place, null,
                when is { Precision: DatePrecision.Day } ? new PartialDate(date.AddDays(-1), DatePrecision.Day) : when);
            prepared.PreparesId = conference.Id;
            Chair(prepared, peopleOf[vnDepartments[0]][0]);
            var theirs = partner.Departments.Count > 0 ? partner.Departments[0] : counterpart;
            Chair(prepared, peopleOf[theirs][0]);
            Participate(prepared, vnDepartments[0]);
            Participate(prepared, theirs);
        }
        return conference;
    }

    // A meeting's date is usually known to the day; `when` overrides it when the meeting shares its minutes' date.
    Meeting AddMeeting(string kind, Partner partner, DateOnly date, string titleVi, string titleEn, string? place, int? number, PartialDate? when = null)
    {
        var starts = when ?? (rng.Unit() switch { < 0.9 => new PartialDate(date, DatePrecision.Day), < 0.98 => PartialDate.OfMonth(date.Year, date.Month), _ => (PartialDate?)null });
        var meeting = new Meeting
        {
            Id = first.Meeting + Meetings.Count, Key = $"{KeyPrefix}mtg-{Meetings.Count + 1}", KindId = Term(Vocabularies.MeetingKind, kind), Number = number,
            Title = new LocalizedText(titleVi, titleEn), Place = place, StartsOn = starts?.Date, StartsOnPrecision = starts?.Precision ?? default,
            DateNote = starts is null ? "không rõ ngày / date not recorded" : null, Sources = sources, IsIllustrative = true, CreatedAt = Stamp(date),
        };
        Meetings.Add(meeting);
        partner.Meetings.Add(meeting);
        return meeting;
    }

    void Chair(Meeting meeting, Person person) => MeetingChairs.Add(new MeetingChair { MeetingId = meeting.Id, PersonId = person.Id });

    void Participate(Meeting meeting, Organisation organisation) =>
        MeetingParticipants.Add(new MeetingParticipant { MeetingId = meeting.Id, OrganisationId = organisation.Id });

    string Place(Partner partner) => partner.Kind == PartnerKind.Country && rng.Chance(0.5) ? partner.NameVi : rng.Pick(VietnameseCities);

    // ---- commitments ----

    void BuildCommitments()
    {
        var weights = Instruments.Select(i => Math.Min(150, rng.LogNormal(0.6) * (codes[i.KindId] switch
        {
            "minutes" => 110, "agreement" => 30, "arrangement" => 20, "memorandum" => 12, _ => 6,
        }))).ToArray();
        var counts = Apportion(weights, options.Commitments);
        var byInstrument = partners.SelectMany(p => p.Instruments.Select(i => (i.Id, p))).ToDictionary(x => x.Id, x => x.p);
        commitmentPartner = new int[options.Commitments];
        vnReporter = new int[options.Commitments];
        partnerReporter = new int[options.Commitments];
        var partnerIndex = partners.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);

        for (var i = 0; i < Instruments.Count; i++)
        {
            var instrument = Instruments[i];
            var partner = byInstrument[instrument.Id];
            var kind = codes[instrument.KindId];
            var date = DateOnly.FromDateTime(instrument.CreatedAt);
            var pending = instrument.Status is InstrumentStatus.Draft or InstrumentStatus.UnderNegotiation;
            var start = pending ? options.AsOf.Year + 1 : date.Year + (date.Month >= 7 ? 1 : 0);
            var years = kind is "agreement" or "memorandum" ? rng.Between(3, 5) : rng.Unit() switch { < 0.25 => 1, < 0.75 => 2, < 0.95 => 3, _ => 5 };
            var period = new Period(start, start + years - 1);
            var carried = kind == "minutes" ? Math.Min(partner.CarryOver.Count, counts[i] / 4) : 0;
            var perSection = rng.Between(8, 15);

            for (var k = 0; k < counts[i]; k++)
            {
                var index = Commitments.Count;
                var commitment = new Commitment
                {
                    Id = first.Commitment + index, InstrumentId = instrument.Id, Sequence = k + 1,
                    Number = kind == "minutes" ? $"{Roman(k / perSection + 1)}.{k % perSection + 1}" : (k + 1).ToString(CultureInfo.InvariantCulture),
                    Period = period, Sources = sources, IsIllustrative = true, CreatedAt = instrument.CreatedAt,
                };
                if (k < carried)
                {
                    var earlier = partner.CarryOver.Dequeue();
                    (commitment.Text, commitment.AreaId, commitment.CarriedOverFromId) = (new LocalizedText(earlier.Text.Vi, earlier.Text.En), earlier.AreaId, earlier.Id);
                }
                else
                {
                    var area = areas.Pick(rng);
                    commitment.AreaId = Term(Vocabularies.Area, area);
                    commitment.Text = ClauseText(area, partner);
                }
                commitment.Status = pending ? CommitmentStatus.NotStarted : StatusFor(period);
                if (commitment.Status == CommitmentStatus.CarriedOver && kind == "minutes") partner.CarryOver.Enqueue(commitment);
                if (rng.Chance(0.35)) commitment.DueOn = new DateOnly(period.StartYear, 1, 1).AddDays(rng.Next(365 * period.Years));
                var lastTouched = new DateOnly(Math.Min(period.EndYear, options.AsOf.Year), 12, 31);
                if (lastTouched > options.AsOf) lastTouched = options.AsOf;
                var touched = lastTouched > date ? date.AddDays(rng.Next(lastTouched.DayNumber - date.DayNumber + 1)) : date;
                commitment.UpdatedAt = Stamp(touched);

                var vnLead = rng.Chance(0.25) ? vnDepartments[0] : rng.Pick(vnDepartments);
                Lead(commitment, vnLead);
                if (rng.Chance(0.08)) { var second = rng.Pick(vnDepartments); if (second != vnLead) Lead(commitment, second); }
                var theirs = partner.Country is null ? null
                    : partner.Departments.Count > 0 && rng.Chance(0.8) ? rng.Pick(partner.Departments)
                    : rng.Chance(0.5) ? partner.CounterpartOn(date) : null;
                if (theirs is not null) Lead(commitment, theirs);

                Commitments.Add(commitment);
                partner.Commitments.Add(commitment.Id);
                commitmentPartner[index] = partnerIndex[partner];
                vnReporter[index] = vnLead.Id;
                partnerReporter[index] = (theirs ?? partner.CounterpartOn(date)).Id;
            }
        }
    }

    LocalizedText ClauseText(string area, Partner partner)
    {
        var (verbVi, verbEn) = rng.Pick(Verbs);
        var (objectVi, objectEn) = Objects.TryGetValue(area, out var objects) ? rng.Pick(objects) : areaNames[area];
        var vi = $"{verbVi} {objectVi}";
        var en = $"{verbEn} {objectEn}";
        if (rng.Chance(0.3))
        {
            var (qvi, qen) = rng.Pick(Qualifiers);
            vi += string.Format(CultureInfo.InvariantCulture, qvi, partner.NameVi);
            en += string.Format(CultureInfo.InvariantCulture, qen, partner.NameEn);
        }
        return new LocalizedText(vi, en);
    }

    // What the record of a ministry looks like: past plans mostly done, this year's under way, next year's not started.
    CommitmentStatus StatusFor(Period period)
    {
        var u = rng.Unit();
        if (period.EndYear < options.AsOf.Year)
            return u switch
            {
                < 0.50 => CommitmentStatus.Done, < 0.65 => CommitmentStatus.PartlyDone, < 0.75 => CommitmentStatus.CarriedOver,
                < 0.82 => CommitmentStatus.Dropped, < 0.88 => CommitmentStatus.Delayed, < 0.95 => CommitmentStatus.InProgress, _ => CommitmentStatus.NotStarted,
            };
        if (period.StartYear <= options.AsOf.Year)
            return u switch
            {
                < 0.45 => CommitmentStatus.InProgress, < 0.63 => CommitmentStatus.NotStarted, < 0.77 => CommitmentStatus.Delayed,
                < 0.92 => CommitmentStatus.Done, _ => CommitmentStatus.PartlyDone,
            };
        return u < 0.92 ? CommitmentStatus.NotStarted : CommitmentStatus.InProgress;
    }

    void Lead(Commitment commitment, Organisation organisation) =>
        CommitmentLeads.Add(new CommitmentLead { CommitmentId = commitment.Id, OrganisationId = organisation.Id, Country = organisation.Country! });

    // ---- progress reports ----

    // Reports go where there was time to report: one per side and round, more for long-running
    // commitments, none for plans not yet begun; the total is exactly the number asked for.
    void PlanReports()
    {
        var weights = new double[Commitments.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var c = Commitments[i];
            var years = Math.Max(0, Math.Min(c.PeriodEnd!.Value, options.AsOf.Year) - c.PeriodStart!.Value + 1);
            var sides = partners[commitmentPartner[i]].Country is null ? 1 : 2;
            weights[i] = Math.Min(20, years * sides * rng.LogNormal(0.5));
        }
        if (weights.All(w => w == 0)) Array.Fill(weights, 1);
        reportCounts = Apportion(weights, options.Reports);
    }

    public IEnumerable<ProgressReport> Reports()
    {
        var id = first.Report;
        for (var i = 0; i < Commitments.Count; i++)
        {
            var count = reportCounts[i];
            if (count == 0) continue;
            var c = Commitments[i];
            var partner = partners[commitmentPartner[i]];
            var sides = partner.Country is null ? 1 : 2;
            var from = new DateOnly(c.PeriodStart!.Value, 1, 1);
            var to = new DateOnly(c.PeriodEnd!.Value, 12, 31);
            if (to > options.AsOf) to = options.AsOf;
            if (from > to) from = to;
            var rounds = (count + sides - 1) / sides;
            for (var j = 0; j < count; j++)
            {
                var side = j % sides;
                var round = j / sides;
                var at = from.DayNumber + (int)((round + 0.5) / rounds * (to.DayNumber - from.DayNumber)) + rng.Between(-10, 10);
                var reportedOn = DateOnly.FromDayNumber(Math.Clamp(at, from.DayNumber, to.DayNumber));
                var status = round == rounds - 1 ? c.Status
                    : round == 0 && rng.Chance(0.3) ? CommitmentStatus.NotStarted
                    : rng.Chance(0.8) ? CommitmentStatus.InProgress : CommitmentStatus.Delayed;
                // The two sides do not always see it the same way.
                if (side == 1 && rng.Chance(0.1)) status = rng.Pick(Disagreements);
                var report = new ProgressReport
                {
                    Id = id++, CommitmentId = c.Id, Country = side == 0 ? "VN" : partner.Country!,
                    OrganisationId = side == 0 ? vnReporter[i] : partnerReporter[i],
                    Period = new Period(reportedOn.Year, reportedOn.Year), ReportedOn = reportedOn, Status = status,
                    IsIllustrative = true, CreatedAt = Stamp(reportedOn),
                };
                var people = rng.Between(5, 120);
                var women = rng.Between(0, people);
                if (status is CommitmentStatus.Done or CommitmentStatus.InProgress or CommitmentStatus.PartlyDone && rng.Chance(0.3))
                    (report.PeopleCount, report.WomenCount) = (people, women);
                if (rng.Chance(0.08))
                    (report.ValueAmount, report.ValueCurrency) = rng.Chance(0.7) ? (rng.Between(20, 5000) * 1_000_000m, "VND") : (rng.Between(5, 500) * 1_000m, "USD");
                var (vi, en) = rng.Pick(Narratives[status.ToString()]);
                object[] values = [people, women, reportedOn.Year + (status == CommitmentStatus.PartlyDone ? 1 : 0), rng.Between(1, 4)];
                report.Narrative = new LocalizedText(string.Format(CultureInfo.InvariantCulture, vi, values), string.Format(CultureInfo.InvariantCulture, en, values));
                yield return report;
            }
        }
    }

    static readonly CommitmentStatus[] Disagreements = [CommitmentStatus.InProgress, CommitmentStatus.Delayed, CommitmentStatus.Done, CommitmentStatus.PartlyDone];

    // ---- activities ----

    void BuildActivities()
    {
        var kinds = new Weighted<string>(ActivityKinds.Where(k => terms.ContainsKey((Vocabularies.ActivityKind, k.Code))));
        for (var i = 0; i < options.Activities; i++)
        {
            var partner = partnerWeights.Pick(rng);
            var kind = kinds.Pick(rng);
            var date = Day(years.Pick(rng));
            var starts = rng.Unit() switch { < 0.8 => new PartialDate(date, DatePrecision.Day), < 0.95 => PartialDate.OfMonth(date.Year, date.Month), _ => PartialDate.OfYear(date.Year) };
            var area = areas.Pick(rng);
            var (objectVi, objectEn) = Objects.TryGetValue(area, out var objects) ? rng.Pick(objects) : areaNames[area];
            var (titleVi, titleEn, descriptionVi, descriptionEn) = SyntheticTexts.Activities[kind];
            string Fill(string template, string thing, string name) => string.Format(CultureInfo.InvariantCulture, template, thing, name, date.Year);
            var activity = new Activity
            {
                Id = first.Activity + Activities.Count, KindId = Term(Vocabularies.ActivityKind, kind),
                Title = new LocalizedText(Fill(titleVi, objectVi, partner.NameVi), Fill(titleEn, objectEn, partner.NameEn)),
                Description = new LocalizedText(Fill(descriptionVi, objectVi, partner.NameVi), Fill(descriptionEn, objectEn, partner.NameEn)),
                StartsOn = starts.Date, StartsOnPrecision = starts.Precision, Sources = sources, IsIllustrative = true, CreatedAt = Stamp(date),
            };
            if (kind == "training" && starts.Precision == DatePrecision.Day) (activity.EndsOn, activity.EndsOnPrecision) = (date.AddDays(rng.Between(3, 60)), DatePrecision.Day);
            if (kind == "project") (activity.EndsOn, activity.EndsOnPrecision) = (new DateOnly(date.Year + rng.Between(1, 3), 1, 1), DatePrecision.Year);
            if (kind is "training" or "delegation-visit" or "workshop" or "scholarship")
            {
                var total = kind switch { "delegation-visit" => rng.Between(4, 15), "workshop" => rng.Between(20, 120), "scholarship" => rng.Between(3, 30), _ => rng.Between(15, 60) };
                var women = (int)Math.Round(total * (0.3 + rng.Unit() * 0.3));
                (activity.PeopleTotal, activity.PeopleWomen, activity.PeopleMen) = (total, women, total - women);
            }
            if (kind is "donation" or "project")
            {
                (activity.ValueAmount, activity.ValueCurrency) = kind == "donation" && rng.Chance(0.85)
                    ? (rng.Between(200, 5000) * 1_000_000m, "VND") : (rng.Between(10, 3000) * 1_000m, "USD");
                activity.ValueIsLowerBound = rng.Chance(0.05);
            }
            if (partner.Meetings.Count > 0 && rng.Chance(0.15)) activity.MeetingId = rng.Pick(partner.Meetings).Id;
            Activities.Add(activity);

            var ours = rng.Pick(vnDepartments);
            var theirs = partner.CounterpartOn(date);
            var (ourRole, theirRole) = kind switch
            {
                "delegation-visit" or "workshop" => (ActivityRole.Participant, ActivityRole.Participant),
                "award" or "gift" => (ActivityRole.Provider, ActivityRole.Recipient),
                _ => rng.Chance(0.7) ? (ActivityRole.Provider, ActivityRole.Recipient) : (ActivityRole.Recipient, ActivityRole.Provider),
            };
            ActivityOrganisations.Add(new ActivityOrganisation { ActivityId = activity.Id, OrganisationId = ours.Id, Role = ourRole });
            ActivityOrganisations.Add(new ActivityOrganisation { ActivityId = activity.Id, OrganisationId = theirs.Id, Role = theirRole });
            if (partner.Commitments.Count > 0 && rng.Chance(0.75))
                foreach (var commitmentId in Enumerable.Range(0, rng.Between(1, 3)).Select(_ => rng.Pick(partner.Commitments)).Distinct())
                    ActivityCommitments.Add(new ActivityCommitment { ActivityId = activity.Id, CommitmentId = commitmentId });
        }
    }

    // ---- helpers ----

    // Whole numbers in proportion to the weights that add up to exactly `total` (running rounding).
    public static int[] Apportion(IReadOnlyList<double> weights, long total)
    {
        var sum = weights.Sum();
        var counts = new int[weights.Count];
        double running = 0;
        long given = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += weights[i];
            var upTo = i == counts.Length - 1 ? total : (long)Math.Round(running / sum * total);
            counts[i] = (int)(upTo - given);
            given = upTo;
        }
        return counts;
    }

    int Term(string vocabulary, string code) =>
        terms.TryGetValue((vocabulary, code), out var id) ? id : throw new InvalidOperationException($"Reference term {vocabulary}/{code} is missing.");

    DateOnly Day(int year)
    {
        var day = new DateOnly(year, 1, 1).AddDays(rng.Next(DateTime.IsLeapYear(year) ? 366 : 365));
        return day > options.AsOf ? options.AsOf.AddDays(-rng.Next(Math.Min(60, options.AsOf.DayOfYear))) : day;
    }

    // Dates of all precisions, as the records of twenty years really hold them.
    PartialDate Vague(DateOnly date, bool allowDay = true) => rng.Unit() switch
    {
        < 0.75 when allowDay => new PartialDate(date, DatePrecision.Day),
        < 0.9 => PartialDate.OfMonth(date.Year, date.Month),
        _ => PartialDate.OfYear(date.Year),
    };

    PartialDate? VagueOrNone(DateOnly date) => rng.Chance(0.02) ? null : Vague(date);

    DateTime Stamp(DateOnly date) => DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(8, 0)).AddMinutes(rng.Next(600)), DateTimeKind.Utc);

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    enum PartnerKind { Country, International, Ngo, Institution }

    sealed class Partner(PartnerKind kind, Organisation main, string nameVi, string nameEn, string? country)
    {
        public PartnerKind Kind => kind;
        public string NameVi => nameVi;
        public string NameEn => nameEn;
        public string? Country => country;
        public Organisation? Former { get; set; }
        public DateOnly SwitchedOn { get; set; }
        public List<Organisation> Departments { get; } = [];
        public List<Meeting> Meetings { get; } = [];
        public List<Instrument> Instruments { get; } = [];
        public List<int> Commitments { get; } = [];
        public Queue<Commitment> CarryOver { get; } = [];
        public Dictionary<string, Instrument> LastOfKind { get; } = [];
        public Instrument? LastFramework { get; set; }
        public int Sessions { get; set; }
        public int WorkingGroupSessions { get; set; }

        public Organisation CounterpartOn(DateOnly date) => Former is not null && date < SwitchedOn ? Former : main;
    }
}

internal sealed class Rng(int seed)
{
    readonly Random random = new(seed);

    public int Next(int max) => random.Next(max);
    public int Between(int min, int maxInclusive) => random.Next(min, maxInclusive + 1);
    public double Unit() => random.NextDouble();
    public bool Chance(double p) => random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    // Skewed sizes: most near 1, a long tail above.
    public double LogNormal(double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(sigma * normal);
    }
}

internal sealed class Weighted<T>
{
    readonly T[] items;
    readonly double[] cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.ToList();
        if (list.Count == 0) throw new ArgumentException("Nothing to choose from.");
        items = [.. list.Select(x => x.Item)];
        cumulative = new double[list.Count];
        double sum = 0;
        for (var i = 0; i < list.Count; i++) cumulative[i] = sum += list[i].Weight;
    }

    public T Pick(Rng rng)
    {
        var x = rng.Unit() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return items[Math.Min(i < 0 ? ~i : i, items.Length - 1)];
    }
}
