using System.Globalization;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;

namespace Concord.Tests.Rules;

public class ConflictMergeTests
{
    static readonly StringCatalog Catalog = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));
    static readonly JsonStringLocalizer T = new(Catalog);

    sealed class Sample
    {
        [FieldLabel("Organisations.Note")] public string? Note { get; set; }
        [FieldLabel("Commitments.Leads")] public List<int> LeadIds { get; set; } = [];
        [FieldLabel("Commitments.ValueAmount")] public decimal? Amount { get; set; }
        [FieldLabel("Commitments.Status")] public CommitmentStatus? Status { get; set; }
        public int Version { get; set; }
    }

    static List<ConflictRow> Compare(Sample saved, Sample mine, string? loaded = null)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("vi");
        try { return ConflictMerge.Compare(saved, mine, loaded, (_, id) => id == 7 ? "Vụ Hợp tác quốc tế" : null, T); }
        finally { CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void EveryFieldAConflictTableComparesIsLabelledWithAStringThatExistsInVietnameseAndEnglish()
    {
        Type[] inputs = [typeof(OrganisationInput), typeof(PersonInput), typeof(InstrumentInput), typeof(MeetingInput), typeof(CommitmentInput), typeof(ProgressReportInput), typeof(ActivityInput)];
        var unlabelled = inputs.SelectMany(i => ConflictMerge.ComparedFields(i)
            .Where(p => p.GetCustomAttributes(typeof(FieldLabelAttribute), false).FirstOrDefault() is not FieldLabelAttribute label
                || !Catalog.Entries.TryGetValue(label.Key, out var text) || !text.ContainsKey("vi") || !text.ContainsKey("en"))
            .Select(p => $"{i.Name}.{p.Name}")).ToList();
        Assert.True(unlabelled.Count == 0, "Without a label the conflict table would show the property's name: " + string.Join(", ", unlabelled));
    }

    [Fact]
    public void LineEndingsSurroundingSpacesTrailingZerosAndTheOrderOfAListAreNoDifference()
    {
        var saved = new Sample { Note = "Hai dòng\nvăn bản", LeadIds = [7, 9], Amount = 1.50m, Status = CommitmentStatus.Done, Version = 4 };
        var mine = new Sample { Note = "  Hai dòng\r\nvăn bản ", LeadIds = [9, 7, 7], Amount = 1.5m, Status = CommitmentStatus.Done, Version = 3 };
        Assert.Empty(Compare(saved, mine));
    }

    [Fact]
    public void DifferingFieldsAreShownAsAReaderSeesThemWithIdsNamedAndEmptyAsEmpty()
    {
        var rows = Compare(
            new Sample { Note = null, LeadIds = [7, 9], Amount = 1234.5m, Status = CommitmentStatus.Delayed },
            new Sample { Note = "Ghi chú", LeadIds = [7], Amount = 1234.5m, Status = CommitmentStatus.Done });
        Assert.Equal(["Note", "LeadIds", "Status"], rows.Select(r => r.Property));
        Assert.Equal(("Ghi chú", "", "Ghi chú"), (rows[0].Label, rows[0].Saved, rows[0].Mine));
        Assert.Equal(("#9\nVụ Hợp tác quốc tế", "Vụ Hợp tác quốc tế"), (rows[1].Saved, rows[1].Mine));
        Assert.Equal((Catalog.Find("CommitmentStatus.Delayed", "vi"), Catalog.Find("CommitmentStatus.Done", "vi")), (rows[2].Saved, rows[2].Mine));
    }

    [Fact]
    public void OnlyTheFieldsTheUserChangedSinceLoadingStartWithTheirValue()
    {
        var loaded = new Sample { Note = "Bản đầu", LeadIds = [7] };
        var saved = new Sample { Note = "Người kia sửa", LeadIds = [7, 9] };
        var mine = new Sample { Note = "Tôi sửa", LeadIds = [7] };
        var rows = Compare(saved, mine, ConflictMerge.Fingerprint(loaded));
        Assert.Equal([("Note", true), ("LeadIds", false)], rows.Select(r => (r.Property, r.ChangedByYou)));
        // Without knowing what was loaded, every difference is taken as the user's.
        Assert.All(Compare(saved, mine), r => Assert.True(r.ChangedByYou));
    }
}
