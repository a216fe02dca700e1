using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Review;

// A side's yearly review of international cooperation, as the ministry writes it (the review of 2018,
// article 003): partners by channel, bilateral committees, instruments signed that year by partner and
// area, NGO memoranda signed and under negotiation, projects, meetings held, activities by kind, people
// trained by sex, and donations in one currency. Counted from the records through the reader's eyes
// (the visibility filter applies to every query); what the review states beyond the records comes from
// the year's CooperationYear. Where neither holds a figure, the figure is null and the page says "not in
// the sources", never 0.
public sealed class YearlyReview
{
    public sealed record Partner(int Id, LocalizedText Name, string? Abbreviation, CooperationChannel Channel, string? Country);
    public sealed record SignedInstrument(int Id, LocalizedText Title, LocalizedText Kind, LocalizedText? Area, CooperationChannel? Channel,
        PartialDate? Signed, IReadOnlyList<LocalizedText> Partners);
    public sealed record Project(int Id, LocalizedText Title, IReadOnlyList<LocalizedText> Funders);
    public sealed record HeldMeeting(int Id, LocalizedText Kind, int? Number, LocalizedText Title, PartialDate? Date);
    public sealed record KindCount(LocalizedText Kind, int Count);
    public sealed record Trained(int Activities, int? Total, int? Women, int? Men);
    public sealed record Donation(string Currency, decimal Amount, int Count, bool LowerBound);
    public sealed record Rate(string Currency, decimal Value, DateOnly On, string Source);
    public sealed record DonationTotal(string Currency, decimal Amount, bool LowerBound, IReadOnlyList<Rate> RatesUsed, IReadOnlyList<string> MissingRates);

    public required int Year { get; init; }
    public required string Side { get; init; }
    public int? StatedId { get; init; }
    public int? BilateralCommittees { get; init; }
    public int? NgoPartners { get; init; }
    public bool NgoPartnersApproximate { get; init; }
    public LocalizedText PartnersNote { get; init; } = new();
    public required IReadOnlyList<Partner> Partners { get; init; }
    public required IReadOnlyList<SignedInstrument> Signed { get; init; }
    public required IReadOnlyList<SignedInstrument> UnderNegotiation { get; init; }
    public required IReadOnlyList<Project> Projects { get; init; }
    public required IReadOnlyList<HeldMeeting> Meetings { get; init; }
    public required IReadOnlyList<KindCount> ActivitiesByKind { get; init; }
    public Trained? People { get; init; }
    public required IReadOnlyList<Donation> Donations { get; init; }
    public DonationTotal? DonationsTotal { get; init; }
    public required CommitmentCharts Charts { get; init; }

    public IEnumerable<Partner> PartnersIn(CooperationChannel channel) => Partners.Where(p => p.Channel == channel);
    public IEnumerable<SignedInstrument> SignedIn(CooperationChannel channel) => Signed.Where(i => i.Channel == channel);
    public int NewBilateral => SignedIn(CooperationChannel.Bilateral).Count();
    public int NgoSigned => SignedIn(CooperationChannel.Ngo).Count();
    public int NgoUnderNegotiation => UnderNegotiation.Count(i => i.Channel == CooperationChannel.Ngo);

    // The activity kinds whose people are people trained.
    static readonly string[] TrainingKinds = ["training", "scholarship"];

    public static async Task<YearlyReview> LoadAsync(ConcordDb db, int year, string side, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

        var stated = await db.CooperationYears.AsNoTracking().Where(y => y.Year == year && y.Country == side)
            .Select(y => new
            {
                y.Id, y.BilateralCommittees, y.NgoPartners, y.NgoPartnersApproximate, y.PartnersNote, y.Currency,
                Partners = y.Partners.Select(p => p.OrganisationId).ToList(),
                Rates = y.Rates.Select(r => new Rate(r.Currency, r.Rate, r.On, r.Source)).ToList(),
            })
            .SingleOrDefaultAsync(ct);

        var signedQuery = db.Instruments.AsNoTracking().Where(i => i.SignedOn >= from && i.SignedOn <= to
            && i.Status != InstrumentStatus.Draft && i.Status != InstrumentStatus.UnderNegotiation);
        var negotiatingQuery = db.Instruments.AsNoTracking().Where(i => i.Status == InstrumentStatus.UnderNegotiation && i.ReportedInYear == year);
        var signed = await InstrumentsAsync(signedQuery, side, ct);
        var negotiating = await InstrumentsAsync(negotiatingQuery, side, ct);

        // In the year: dated within it, or reported under way in it when the source gives no dates.
        var activities = db.Activities.AsNoTracking().Where(a => a.ReportedInYear == year
            || (a.StartsOn != null && a.StartsOn <= to && (a.EndsOn ?? a.StartsOn) >= from));

        var projects = (await activities.Where(a => a.Kind.Code == "project").OrderBy(a => a.StartsOn).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Title, Funders = a.Organisations.Where(o => o.Role == ActivityRole.Provider).Select(o => o.Organisation.Name).ToList() })
                .ToListAsync(ct))
            .Select(p => new Project(p.Id, p.Title, p.Funders)).ToList();

        var byKind = await activities.GroupBy(a => a.KindId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var kindIds = byKind.Select(k => k.Key).ToList();
        var kinds = await db.Terms.AsNoTracking().Where(t => kindIds.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.SortOrder }).ToDictionaryAsync(t => t.Id, ct);
        var activitiesByKind = byKind.OrderBy(k => kinds[k.Key].SortOrder).Select(k => new KindCount(kinds[k.Key].Name, k.Count)).ToList();

        // Summed by the database; a course whose numbers the sources do not give adds nothing, and a year
        // with no numbers at all says so rather than 0.
        var people = await activities.Where(a => TrainingKinds.Contains(a.Kind.Code) && (a.PeopleTotal != null || a.PeopleWomen != null || a.PeopleMen != null))
            .GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), Total = g.Sum(a => a.PeopleTotal), Women = g.Sum(a => a.PeopleWomen), Men = g.Sum(a => a.PeopleMen),
                WithTotal = g.Count(a => a.PeopleTotal != null), WithWomen = g.Count(a => a.PeopleWomen != null), WithMen = g.Count(a => a.PeopleMen != null) })
            .SingleOrDefaultAsync(ct);
        var trained = people is null ? null : new Trained(people.Count, people.WithTotal > 0 ? people.Total : null,
            people.WithWomen > 0 ? people.Women : null, people.WithMen > 0 ? people.Men : null);

        var donations = (await activities.Where(a => a.Kind.Code == "donation" && a.ValueAmount != null && a.ValueCurrency != null)
                .GroupBy(a => a.ValueCurrency!)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(a => a.ValueAmount!.Value), Count = g.Count(), LowerBound = g.Any(a => a.ValueIsLowerBound) })
                .ToListAsync(ct))
            .OrderBy(d => d.Currency, StringComparer.Ordinal)
            .Select(d => new Donation(d.Currency, d.Amount, d.Count, d.LowerBound)).ToList();
        var total = stated?.Currency is { } currency && donations.Count > 0 ? Convert(donations, currency, stated.Rates) : null;

        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.StartsOn >= from && m.StartsOn <= to)
                .OrderBy(m => m.StartsOn).ThenBy(m => m.Id)
                .Select(m => new { m.Id, Kind = m.Kind.Name, m.Number, m.Title, m.StartsOn, m.StartsOnPrecision })
                .ToListAsync(ct))
            .Select(m => new HeldMeeting(m.Id, m.Kind, m.Number, m.Title, PartialDate.From(m.StartsOn, m.StartsOnPrecision))).ToList();

        // Partners: those the review names, the other parties to the year's instruments, and the
        // organisations of the year's activities; never the reviewing side's own bodies.
        var partyIds = await db.InstrumentParties.Where(p => signedQuery.Any(i => i.Id == p.InstrumentId) || negotiatingQuery.Any(i => i.Id == p.InstrumentId))
            .Select(p => p.OrganisationId).Distinct().ToListAsync(ct);
        var activityOrgIds = await db.ActivityOrganisations.Where(o => activities.Any(a => a.Id == o.ActivityId))
            .Select(o => o.OrganisationId).Distinct().ToListAsync(ct);
        var ids = (stated?.Partners ?? []).Concat(partyIds).Concat(activityOrgIds).Distinct().ToList();
        var partners = (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id) && (o.Country == null || o.Country != side))
                .Select(o => new { o.Id, o.Name, o.Abbreviation, Kind = o.Kind.Code, o.Country })
                .ToListAsync(ct))
            .Select(o => CooperationChannels.Of(o.Kind, o.Country) is { } channel ? new Partner(o.Id, o.Name, o.Abbreviation, channel, o.Country) : null)
            .OfType<Partner>()
            .OrderBy(p => p.Channel).ThenBy(p => Display.Plain(p.Name), Collation.Current)
            .ToList();

        var scope = db.Commitments.Where(c => c.PeriodStart <= year && c.PeriodEnd >= year);
        var charts = await CommitmentCharts.LoadAsync(db, scope, year, ct);

        return new YearlyReview
        {
            Year = year, Side = side, StatedId = stated?.Id, BilateralCommittees = stated?.BilateralCommittees, NgoPartners = stated?.NgoPartners,
            NgoPartnersApproximate = stated?.NgoPartnersApproximate ?? false, PartnersNote = stated?.PartnersNote ?? new(),
            Partners = partners, Signed = signed, UnderNegotiation = negotiating, Projects = projects, Meetings = meetings,
            ActivitiesByKind = activitiesByKind, People = trained, Donations = donations, DonationsTotal = total, Charts = charts,
        };
    }

    static async Task<List<SignedInstrument>> InstrumentsAsync(IQueryable<Instrument> query, string side, CancellationToken ct) =>
        (await query.OrderBy(i => i.SignedOn).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Title, Kind = i.Kind.Name, Area = i.Area == null ? null : i.Area.Name, i.Channel, i.SignedOn, i.SignedOnPrecision,
                Parties = i.Parties.Select(p => new { p.Organisation.Name, p.Organisation.Country, Kind = p.Organisation.Kind.Code }).ToList(),
            })
            .ToListAsync(ct))
        .Select(i =>
        {
            var partners = i.Parties.Where(p => p.Country != side).ToList();
            // An instrument that does not say its channel takes its partners'.
            var channel = i.Channel ?? partners.Select(p => CooperationChannels.Of(p.Kind, p.Country)).FirstOrDefault(c => c is not null);
            return new SignedInstrument(i.Id, i.Title, i.Kind, i.Area, channel, PartialDate.From(i.SignedOn, i.SignedOnPrecision), [.. partners.Select(p => p.Name)]);
        })
        .ToList();

    // Donations in the year's currency: each other currency at the rate the year records for it, with its
    // date and source; a currency with no recorded rate is named, and no total is made up for it.
    public static DonationTotal Convert(IReadOnlyList<Donation> donations, string currency, IReadOnlyList<Rate> rates)
    {
        var used = new List<Rate>();
        var missing = new List<string>();
        var amount = 0m;
        foreach (var d in donations)
        {
            if (d.Currency == currency) { amount += d.Amount; continue; }
            var rate = rates.FirstOrDefault(r => r.Currency == d.Currency);
            if (rate is null) { missing.Add(d.Currency); continue; }
            used.Add(rate);
            amount += d.Amount * rate.Value;
        }
        return new DonationTotal(currency, amount, donations.Any(d => d.LowerBound), used, missing);
    }
}

// The channel of a partner follows from what it is: a foreign NGO, an international organisation (the
// United Nations' bodies, ASEAN, APEC...), or else a country or a body of one.
public static class CooperationChannels
{
    public static CooperationChannel? Of(string kindCode, string? country) => kindCode switch
    {
        "ngo" => CooperationChannel.Ngo,
        "international-organisation" => CooperationChannel.Multilateral,
        _ => country is null ? null : CooperationChannel.Bilateral,
    };
}
