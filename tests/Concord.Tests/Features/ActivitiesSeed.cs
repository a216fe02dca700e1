using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Records the activities, home and search tests arrange directly in the database; each test makes its own.
public static class ActivitiesSeed
{
    public static Task<int> TermAsync(ConcordDb db, string vocabulary, string code) =>
        db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync();

    public static async Task<int> OrganisationAsync(ConcordDb db, string vi, string? en = null, string? country = "VN",
        string? abbreviation = null, int? parentId = null, int? successorId = null, string kind = "ministry", string? lo = null)
    {
        var o = new Organisation
        {
            KindId = await TermAsync(db, Vocabularies.OrganisationKind, kind), Name = new LocalizedText(vi, en, lo),
            Country = country, Abbreviation = abbreviation, ParentId = parentId, SuccessorId = successorId,
        };
        db.Organisations.Add(o);
        await db.SaveChangesAsync();
        return o.Id;
    }

    public static async Task<int> MeetingAsync(ConcordDb db, string vi, PartialDate? starts = null, string kind = "ministerial-conference", string? en = null)
    {
        var m = new Meeting
        {
            KindId = await TermAsync(db, Vocabularies.MeetingKind, kind), Title = new LocalizedText(vi, en),
            StartsOn = starts?.Date, StartsOnPrecision = starts?.Precision ?? DatePrecision.Day,
        };
        db.Meetings.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    public static async Task<int> InstrumentAsync(ConcordDb db, string vi, PartialDate? signed = null,
        InstrumentStatus status = InstrumentStatus.Signed, string kind = "minutes", string? summaryVi = null)
    {
        var i = new Instrument
        {
            KindId = await TermAsync(db, Vocabularies.InstrumentKind, kind), Title = new LocalizedText(vi),
            Summary = new LocalizedText(summaryVi), Status = status,
            SignedOn = signed?.Date, SignedOnPrecision = signed?.Precision ?? DatePrecision.Day,
        };
        db.Instruments.Add(i);
        await db.SaveChangesAsync();
        return i.Id;
    }

    public static async Task<int> CommitmentAsync(ConcordDb db, int instrumentId, string vi, Period period,
        CommitmentStatus status = CommitmentStatus.NotStarted, string area = "vocational-education", DateOnly? due = null, string? number = null)
    {
        var c = new Commitment
        {
            InstrumentId = instrumentId, Text = new LocalizedText(vi), Number = number, Period = period, Status = status, DueOn = due,
            AreaId = await TermAsync(db, Vocabularies.Area, area),
        };
        db.Commitments.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    public static async Task<int> ReportAsync(ConcordDb db, int commitmentId, string country, DateOnly reportedOn,
        CommitmentStatus status = CommitmentStatus.InProgress, string? narrativeVi = null)
    {
        var r = new ProgressReport
        {
            CommitmentId = commitmentId, Country = country, ReportedOn = reportedOn, Status = status,
            Period = new Period(reportedOn.Year, reportedOn.Year), Narrative = new LocalizedText(narrativeVi),
        };
        db.ProgressReports.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    public static async Task<int> ActivityAsync(ConcordDb db, string kind, LocalizedText title, PartialDate? starts = null,
        LocalizedText? description = null, int? meetingId = null, IEnumerable<(int Id, ActivityRole Role)>? organisations = null,
        IEnumerable<int>? commitmentIds = null, PartialDate? ends = null)
    {
        var a = new Activity
        {
            KindId = await TermAsync(db, Vocabularies.ActivityKind, kind), Title = title, Description = description ?? new LocalizedText(),
            StartsOn = starts?.Date, StartsOnPrecision = starts?.Precision ?? DatePrecision.Day,
            EndsOn = ends?.Date, EndsOnPrecision = ends?.Precision ?? DatePrecision.Day, MeetingId = meetingId,
            Organisations = (organisations ?? []).Select(o => new ActivityOrganisation { OrganisationId = o.Id, Role = o.Role }).ToList(),
            Commitments = (commitmentIds ?? []).Select(id => new ActivityCommitment { CommitmentId = id }).ToList(),
        };
        db.Activities.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    }

    public static async Task<int> PersonAsync(ConcordDb db, string name, int? organisationId = null, string? positionVi = null)
    {
        var p = new Person { Name = name, OrganisationId = organisationId, Position = new LocalizedText(positionVi) };
        db.People.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    // A word no other record contains, so a test finds exactly what it made.
    public static string Token() => "tk" + Guid.NewGuid().ToString("N")[..10];
}
