using Concord.Features.Organisations;
using Concord.Shared;

namespace Concord.Features.Review;

// The three channels a ministry's yearly review counts its partners and instruments by.
public enum CooperationChannel
{
    Multilateral = 0,
    Bilateral = 1,
    Ngo = 2,
}

// What a side's yearly review of international cooperation states about a year that no other record
// holds: the partners it names in each channel, how many bilateral committees ran, how many foreign
// NGOs it worked with when it does not name them, and the exchange rates at which its donations are
// totalled in one currency. Everything else in the review (instruments, projects, meetings, activities,
// people trained, donations) is counted from the records themselves.
public class CooperationYear : Record, IRestrictable
{
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    public int Year { get; set; }
    // The side whose review it is (VN or LA).
    public string Country { get; set; } = Sides.Vietnam;
    public int? BilateralCommittees { get; set; }
    // Foreign NGOs worked with, when the review counts them without naming them.
    public int? NgoPartners { get; set; }
    // "about 50": the count is the review's round figure.
    public bool NgoPartnersApproximate { get; set; }
    // What the review says of partners it does not name ("most United Nations organisations and financial institutions").
    public LocalizedText PartnersNote { get; set; } = new();
    // The currency donations are totalled in (ISO 4217); null: no total.
    public string? Currency { get; set; }
    public List<CooperationYearPartner> Partners { get; set; } = [];
    public List<CooperationYearRate> Rates { get; set; } = [];
}

public class CooperationYearPartner
{
    public int CooperationYearId { get; set; }
    public CooperationYear CooperationYear { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
}

// One unit of Currency is worth Rate units of the year's currency, on On, as Source gives it.
public class CooperationYearRate
{
    public int CooperationYearId { get; set; }
    public CooperationYear CooperationYear { get; set; } = null!;
    public required string Currency { get; set; }
    public decimal Rate { get; set; }
    public DateOnly On { get; set; }
    public required string Source { get; set; }
}
