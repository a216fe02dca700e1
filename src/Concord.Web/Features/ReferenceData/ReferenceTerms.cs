using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.ReferenceData;

// The reference data every deployment starts with. Administrators may add, rename or retire
// terms later; this only adds codes that are missing, so their edits survive restarts.
public static class ReferenceTerms
{
    static readonly (string Vocabulary, string Code, string Vi, string En)[] Defaults =
    [
        (Vocabularies.OrganisationKind, "country", "Quốc gia", "Country"),
        (Vocabularies.OrganisationKind, "ministry", "Bộ", "Ministry"),
        (Vocabularies.OrganisationKind, "department", "Vụ, cục, đơn vị", "Department"),
        (Vocabularies.OrganisationKind, "centre", "Trung tâm", "Centre"),
        (Vocabularies.OrganisationKind, "province", "Tỉnh, thành phố", "Province"),
        (Vocabularies.OrganisationKind, "international-organisation", "Tổ chức quốc tế", "International organisation"),
        (Vocabularies.OrganisationKind, "ngo", "Tổ chức phi chính phủ", "Non-governmental organisation"),
        (Vocabularies.OrganisationKind, "vocational-institution", "Cơ sở giáo dục nghề nghiệp", "Vocational institution"),

        (Vocabularies.InstrumentKind, "agreement", "Hiệp định", "Agreement"),
        (Vocabularies.InstrumentKind, "arrangement", "Thỏa thuận hợp tác", "Cooperation arrangement"),
        (Vocabularies.InstrumentKind, "memorandum", "Bản ghi nhớ", "Memorandum of understanding"),
        (Vocabularies.InstrumentKind, "minutes", "Biên bản", "Minutes"),
        (Vocabularies.InstrumentKind, "joint-statement", "Tuyên bố chung", "Joint statement"),

        (Vocabularies.MeetingKind, "ministerial-conference", "Hội nghị Bộ trưởng", "Ministerial conference"),
        (Vocabularies.MeetingKind, "senior-officials-meeting", "Họp cấp cao viên chức", "Senior officials' meeting"),
        (Vocabularies.MeetingKind, "workshop", "Hội thảo", "Workshop"),
        (Vocabularies.MeetingKind, "working-group", "Phiên họp nhóm công tác", "Working-group session"),
        (Vocabularies.MeetingKind, "internal-review", "Hội nghị tổng kết nội bộ", "Internal review"),

        (Vocabularies.ActivityKind, "delegation-visit", "Đoàn công tác", "Delegation visit"),
        (Vocabularies.ActivityKind, "training", "Đào tạo", "Training"),
        (Vocabularies.ActivityKind, "scholarship", "Học bổng", "Scholarship cohort"),
        (Vocabularies.ActivityKind, "donation", "Trao tặng, hỗ trợ trang thiết bị", "Donation"),
        (Vocabularies.ActivityKind, "workshop", "Hội thảo", "Workshop"),
        (Vocabularies.ActivityKind, "award", "Khen thưởng", "Award"),
        (Vocabularies.ActivityKind, "gift", "Quà tặng", "Gift"),
        (Vocabularies.ActivityKind, "project", "Dự án", "Project"),

        (Vocabularies.Area, "labour-employment", "Lao động và việc làm", "Labour and employment"),
        (Vocabularies.Area, "labour-agreement", "Thực hiện Hiệp định hợp tác lao động", "Implementing the labour cooperation agreement"),
        (Vocabularies.Area, "labour-market-information", "Thông tin thị trường lao động", "Labour market information"),
        (Vocabularies.Area, "labour-management", "Quản lý lao động (vùng biên giới, lao động Việt Nam tại Lào, lao động nước ngoài)", "Labour management (border areas, Vietnamese workers in Laos, foreign workers)"),
        (Vocabularies.Area, "skilled-labour-mobility", "Di chuyển lao động có kỹ năng", "Skilled labour mobility"),
        (Vocabularies.Area, "vocational-education", "Giáo dục nghề nghiệp và phát triển kỹ năng", "Vocational education and skill development"),
        (Vocabularies.Area, "skill-standards", "Tiêu chuẩn kỹ năng và công nhận lẫn nhau", "Skill standards and mutual recognition"),
        (Vocabularies.Area, "social-insurance", "Bảo hiểm xã hội", "Social insurance"),
        (Vocabularies.Area, "social-protection", "Bảo trợ xã hội", "Social protection"),
        (Vocabularies.Area, "child-protection", "Bảo vệ, chăm sóc trẻ em", "Child protection and care"),
        (Vocabularies.Area, "disability-rehabilitation", "Người khuyết tật và phục hồi chức năng", "Persons with disabilities and rehabilitation"),
        (Vocabularies.Area, "older-persons", "Người cao tuổi", "Older persons"),
        (Vocabularies.Area, "meritorious-service", "Người có công", "People with meritorious service"),
        (Vocabularies.Area, "repatriation-of-remains", "Cất bốc, hồi hương hài cốt liệt sĩ quân tình nguyện, chuyên gia Việt Nam hy sinh tại Lào", "Repatriation of remains of Vietnamese volunteer soldiers and experts who died in Laos"),
        (Vocabularies.Area, "poverty-reduction", "Giảm nghèo bền vững", "Sustainable poverty reduction"),
        (Vocabularies.Area, "inspection", "Thanh tra", "Inspection"),
        (Vocabularies.Area, "digital-transformation", "Chuyển đổi số", "Digital transformation"),
        (Vocabularies.Area, "language-training", "Đào tạo tiếng (Lào, Việt)", "Language training (Lao, Vietnamese)"),
        (Vocabularies.Area, "international-integration", "Hội nhập quốc tế (ASEAN, Tiểu vùng Mê Công, ILO)", "International integration (ASEAN, Mekong subregion, ILO)"),
        (Vocabularies.Area, "exchange", "Trao đổi đoàn", "Exchange of delegations"),
        (Vocabularies.Area, "policy", "Pháp luật, chính sách", "Law and policy"),

        (Vocabularies.Currency, "VND", "Đồng Việt Nam (VND)", "Vietnamese dong (VND)"),
        (Vocabularies.Currency, "LAK", "Kíp Lào (LAK)", "Lao kip (LAK)"),
        (Vocabularies.Currency, "USD", "Đô la Mỹ (USD)", "US dollar (USD)"),
    ];

    public static async Task EnsureAsync(ConcordDb db, CancellationToken ct = default)
    {
        var existing = (await db.Terms.Select(t => new { t.Vocabulary, t.Code }).ToListAsync(ct))
            .Select(t => (t.Vocabulary, t.Code)).ToHashSet();
        var order = 0;
        foreach (var (vocabulary, code, vi, en) in Defaults)
        {
            order++;
            if (existing.Contains((vocabulary, code))) continue;
            db.Terms.Add(new Term { Vocabulary = vocabulary, Code = code, Name = new LocalizedText(vi, en), SortOrder = order });
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Dictionary<string, int>> IdsAsync(ConcordDb db, string vocabulary, CancellationToken ct = default) =>
        await db.Terms.Where(t => t.Vocabulary == vocabulary).ToDictionaryAsync(t => t.Code, t => t.Id, ct);
}
