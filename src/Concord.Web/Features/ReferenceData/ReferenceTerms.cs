using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.ReferenceData;

// The reference data every deployment starts with. Administrators may add, rename or retire
// terms later; this only adds codes that are missing, and a Lao name that is missing, so their
// edits survive restarts.
public static class ReferenceTerms
{
    static readonly (string Vocabulary, string Code, string Vi, string En, string Lo)[] Defaults =
    [
        (Vocabularies.OrganisationKind, "country", "Quốc gia", "Country", "ປະເທດ"),
        (Vocabularies.OrganisationKind, "ministry", "Bộ", "Ministry", "ກະຊວງ"),
        (Vocabularies.OrganisationKind, "department", "Vụ, cục, đơn vị", "Department", "ກົມ, ຫົວໜ່ວຍ"),
        (Vocabularies.OrganisationKind, "centre", "Trung tâm", "Centre", "ສູນ"),
        (Vocabularies.OrganisationKind, "province", "Tỉnh, thành phố", "Province", "ແຂວງ, ນະຄອນ"),
        (Vocabularies.OrganisationKind, "international-organisation", "Tổ chức quốc tế", "International organisation", "ອົງການຈັດຕັ້ງສາກົນ"),
        (Vocabularies.OrganisationKind, "ngo", "Tổ chức phi chính phủ nước ngoài", "Foreign non-governmental organisation", "ອົງການຈັດຕັ້ງສາກົນທີ່ບໍ່ແມ່ນລັດຖະບານ"),
        (Vocabularies.OrganisationKind, "provincial-department", "Sở", "Provincial department", "ພະແນກ"),
        (Vocabularies.OrganisationKind, "vocational-institution", "Cơ sở giáo dục nghề nghiệp", "Vocational institution", "ສະຖານການສຶກສາວິຊາຊີບ"),
        (Vocabularies.OrganisationKind, "embassy", "Cơ quan đại diện ngoại giao", "Diplomatic mission", "ສະຖານທູດ"),

        (Vocabularies.InstrumentKind, "agreement", "Hiệp định", "Agreement", "ສັນຍາ"),
        (Vocabularies.InstrumentKind, "arrangement", "Thỏa thuận hợp tác", "Cooperation arrangement", "ຂໍ້ຕົກລົງການຮ່ວມມື"),
        (Vocabularies.InstrumentKind, "memorandum", "Bản ghi nhớ", "Memorandum of understanding", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ"),
        (Vocabularies.InstrumentKind, "minutes", "Biên bản", "Minutes", "ບົດບັນທຶກກອງປະຊຸມ"),
        (Vocabularies.InstrumentKind, "joint-statement", "Tuyên bố chung", "Joint statement", "ຖະແຫຼງການຮ່ວມ"),

        (Vocabularies.MeetingKind, "ministerial-conference", "Hội nghị Bộ trưởng", "Ministerial conference", "ກອງປະຊຸມລັດຖະມົນຕີ"),
        (Vocabularies.MeetingKind, "senior-officials-meeting", "Hội nghị quan chức cấp cao (SOM)", "Senior Officials' Meeting (SOM)", "ກອງປະຊຸມເຈົ້າໜ້າທີ່ອາວຸໂສ"),
        (Vocabularies.MeetingKind, "workshop", "Hội thảo", "Workshop", "ກອງປະຊຸມສຳມະນາ"),
        (Vocabularies.MeetingKind, "working-group", "Kỳ họp Tổ công tác", "Working Group meeting", "ກອງປະຊຸມຄະນະເຮັດວຽກ"),
        (Vocabularies.MeetingKind, "internal-review", "Hội nghị tổng kết, sơ kết", "Review meeting (annual or mid-term)", "ກອງປະຊຸມສະຫຼຸບ, ທົບທວນ"),

        (Vocabularies.ActivityKind, "delegation-visit", "Đoàn công tác", "Delegation visit", "ການຢ້ຽມຢາມຂອງຄະນະຜູ້ແທນ"),
        (Vocabularies.ActivityKind, "training", "Đào tạo", "Training", "ການຝຶກອົບຮົມ"),
        (Vocabularies.ActivityKind, "scholarship", "Học bổng", "Scholarships", "ທຶນການສຶກສາ"),
        (Vocabularies.ActivityKind, "donation", "Hỗ trợ, trao tặng trang thiết bị", "Equipment support and donations", "ການສະໜັບສະໜູນອຸປະກອນ"),
        (Vocabularies.ActivityKind, "workshop", "Hội thảo", "Workshop", "ກອງປະຊຸມສຳມະນາ"),
        (Vocabularies.ActivityKind, "award", "Khen thưởng", "Awards and decorations", "ການຍ້ອງຍໍ"),
        (Vocabularies.ActivityKind, "gift", "Quà tặng", "Gift", "ຂອງຂວັນ"),
        (Vocabularies.ActivityKind, "project", "Dự án", "Project", "ໂຄງການ"),

        (Vocabularies.Area, "labour-employment", "Lao động và việc làm", "Labour and employment", "ແຮງງານ ແລະ ການຈ້າງງານ"),
        (Vocabularies.Area, "labour-agreement", "Thực hiện Hiệp định hợp tác lao động", "Implementing the labour cooperation agreement", "ການຈັດຕັ້ງປະຕິບັດສັນຍາການຮ່ວມມືດ້ານແຮງງານ"),
        (Vocabularies.Area, "labour-market-information", "Thông tin thị trường lao động", "Labour market information", "ຂໍ້ມູນຂ່າວສານຕະຫຼາດແຮງງານ"),
        (Vocabularies.Area, "labour-management", "Quản lý lao động (vùng biên giới, lao động Việt Nam tại Lào, lao động nước ngoài)", "Labour management (border areas, Vietnamese workers in Laos, foreign workers)", "ການຄຸ້ມຄອງແຮງງານ (ເຂດຊາຍແດນ, ແຮງງານຫວຽດນາມຢູ່ລາວ, ແຮງງານຕ່າງປະເທດ)"),
        (Vocabularies.Area, "skilled-labour-mobility", "Dịch chuyển lao động có tay nghề", "Skilled labour mobility", "ການເຄື່ອນຍ້າຍແຮງງານທີ່ມີສີມື"),
        (Vocabularies.Area, "vocational-education", "Giáo dục nghề nghiệp và phát triển kỹ năng", "Vocational education and skill development", "ການສຶກສາວິຊາຊີບ ແລະ ການພັດທະນາສີມືແຮງງານ"),
        (Vocabularies.Area, "skill-standards", "Tiêu chuẩn kỹ năng nghề và công nhận lẫn nhau", "Skill standards and mutual recognition", "ມາດຕະຖານສີມືແຮງງານ ແລະ ການຮັບຮອງເຊິ່ງກັນ ແລະ ກັນ"),
        (Vocabularies.Area, "social-insurance", "Bảo hiểm xã hội", "Social insurance", "ປະກັນສັງຄົມ"),
        (Vocabularies.Area, "social-protection", "Bảo trợ xã hội", "Social protection", "ສັງຄົມສົງເຄາະ"),
        (Vocabularies.Area, "child-protection", "Bảo vệ, chăm sóc trẻ em", "Child protection and care", "ການປົກປ້ອງ ແລະ ເບິ່ງແຍງເດັກ"),
        (Vocabularies.Area, "disability-rehabilitation", "Người khuyết tật và phục hồi chức năng", "Persons with disabilities and rehabilitation", "ຄົນພິການ ແລະ ການຟື້ນຟູໜ້າທີ່ການ"),
        (Vocabularies.Area, "older-persons", "Người cao tuổi", "Older persons", "ຜູ້ສູງອາຍຸ"),
        (Vocabularies.Area, "meritorious-service", "Người có công", "People with meritorious service", "ຜູ້ມີຄຸນງາມຄວາມດີ"),
        (Vocabularies.Area, "repatriation-of-remains", "Cất bốc, hồi hương hài cốt liệt sĩ quân tình nguyện, chuyên gia Việt Nam hy sinh tại Lào", "Repatriation of remains of Vietnamese volunteer soldiers and experts who died in Laos", "ການຊອກຄົ້ນ ແລະ ສົ່ງຊາກສົບທະຫານອາສາສະໝັກ ແລະ ຊ່ຽວຊານຫວຽດນາມ ທີ່ໄດ້ເສຍສະລະຢູ່ລາວ ກັບຄືນປະເທດ"),
        (Vocabularies.Area, "poverty-reduction", "Giảm nghèo bền vững", "Sustainable poverty reduction", "ການຫຼຸດຜ່ອນຄວາມທຸກຍາກແບບຍືນຍົງ"),
        (Vocabularies.Area, "inspection", "Thanh tra", "Inspection", "ການກວດກາ"),
        (Vocabularies.Area, "digital-transformation", "Chuyển đổi số", "Digital transformation", "ການຫັນເປັນດີຈີຕອນ"),
        (Vocabularies.Area, "language-training", "Đào tạo tiếng (Lào, Việt)", "Language training (Lao, Vietnamese)", "ການສອນພາສາ (ລາວ, ຫວຽດນາມ)"),
        (Vocabularies.Area, "international-integration", "Hội nhập quốc tế (ASEAN, Tiểu vùng Mê Công, ILO)", "International integration (ASEAN, Mekong subregion, ILO)", "ການເຊື່ອມໂຍງສາກົນ (ອາຊຽນ, ອະນຸພາກພື້ນແມ່ນ້ຳຂອງ, ILO)"),
        (Vocabularies.Area, "exchange", "Trao đổi đoàn", "Exchange of delegations", "ການແລກປ່ຽນຄະນະຜູ້ແທນ"),
        (Vocabularies.Area, "policy", "Pháp luật, chính sách", "Law and policy", "ກົດໝາຍ ແລະ ນະໂຍບາຍ"),

        (Vocabularies.Currency, "VND", "Đồng Việt Nam (VND)", "Vietnamese dong (VND)", "ດົ່ງຫວຽດນາມ (VND)"),
        (Vocabularies.Currency, "LAK", "Kíp Lào (LAK)", "Lao kip (LAK)", "ກີບລາວ (LAK)"),
        (Vocabularies.Currency, "USD", "Đô la Mỹ (USD)", "US dollar (USD)", "ໂດລາສະຫະລັດ (USD)"),

        // The ministry's review of 2018 (article of 15/01/2019) names instruments in these areas, a kind of
        // instrument it does not specify ("văn kiện hợp tác") and a conference that is none of the kinds above.
        (Vocabularies.Area, "labour-social-security", "Lao động và an sinh xã hội", "Labour and social security", "ແຮງງານ ແລະ ປະກັນສັງຄົມ"),
        (Vocabularies.Area, "drug-rehabilitation", "Phòng, chống và cai nghiện ma túy", "Drug prevention and rehabilitation", "ການປ້ອງກັນ ແລະ ບຳບັດຢາເສບຕິດ"),
        (Vocabularies.InstrumentKind, "cooperation-instrument", "Văn kiện hợp tác", "Cooperation instrument", "ເອກະສານການຮ່ວມມື"),
        (Vocabularies.MeetingKind, "conference", "Hội nghị", "Conference", "ກອງປະຊຸມ"),
    ];

    // Names an earlier version seeded and a review of the wording replaced (../shared/reference/wording-fixes.md).
    // A term still carrying one of these in a language gets the new name in that language at start; a name an
    // administrator gave it is never touched. The rename is audited like any edit (by the system).
    static readonly (string Vocabulary, string Code, string? Vi, string? En, string? Lo)[] Superseded =
    [
        (Vocabularies.OrganisationKind, "ngo", "Tổ chức phi chính phủ", "Non-governmental organisation", "ອົງການຈັດຕັ້ງທີ່ບໍ່ແມ່ນລັດຖະບານ"),
        (Vocabularies.MeetingKind, "senior-officials-meeting", "Họp cấp cao viên chức", "Senior officials' meeting", null),
        (Vocabularies.MeetingKind, "working-group", "Phiên họp nhóm công tác", "Working-group session", null),
        (Vocabularies.MeetingKind, "internal-review", "Hội nghị tổng kết nội bộ", "Internal review", "ກອງປະຊຸມສະຫຼຸບພາຍໃນ"),
        (Vocabularies.ActivityKind, "scholarship", null, "Scholarship cohort", null),
        (Vocabularies.ActivityKind, "donation", "Trao tặng, hỗ trợ trang thiết bị", "Donation", "ການມອບ, ສະໜັບສະໜູນອຸປະກອນ"),
        (Vocabularies.ActivityKind, "award", null, "Award", null),
        (Vocabularies.Area, "skilled-labour-mobility", "Di chuyển lao động có kỹ năng", null, null),
        (Vocabularies.Area, "skill-standards", "Tiêu chuẩn kỹ năng và công nhận lẫn nhau", null, null),
    ];

    public static async Task EnsureAsync(ConcordDb db, CancellationToken ct = default)
    {
        var existing = (await db.Terms.ToListAsync(ct)).ToDictionary(t => (t.Vocabulary, t.Code));
        var order = 0;
        foreach (var (vocabulary, code, vi, en, lo) in Defaults)
        {
            order++;
            if (existing.TryGetValue((vocabulary, code), out var term))
            {
                // A deployment seeded before the terms had Lao gets it. An administrator's own Lao stays,
                // and so does the gap in a renamed term: this Lao would translate its old name.
                if (string.IsNullOrWhiteSpace(term.Name.Lo) && term.Name.Vi == vi) term.Name.Lo = lo;
                Rename(term, vi, en, lo);
                continue;
            }
            db.Terms.Add(new Term { Vocabulary = vocabulary, Code = code, Name = new LocalizedText(vi, en, lo), SortOrder = order });
        }
        // Every start asks; nearly always nothing changed, and a save that has nothing to write still scans and audits.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    static void Rename(Term term, string vi, string en, string lo)
    {
        foreach (var old in Superseded.Where(s => s.Vocabulary == term.Vocabulary && s.Code == term.Code))
        {
            // A new LocalizedText, so the change tracker sees the name change (it is a value, not an entity).
            var name = term.Name;
            var renamed = new LocalizedText(
                old.Vi is not null && name.Vi == old.Vi ? vi : name.Vi,
                old.En is not null && name.En == old.En ? en : name.En,
                old.Lo is not null && name.Lo == old.Lo ? lo : name.Lo);
            if (renamed.Vi != name.Vi || renamed.En != name.En || renamed.Lo != name.Lo) term.Name = renamed;
        }
    }

    public static async Task<Dictionary<string, int>> IdsAsync(ConcordDb db, string vocabulary, CancellationToken ct = default) =>
        await db.Terms.Where(t => t.Vocabulary == vocabulary).ToDictionaryAsync(t => t.Code, t => t.Id, ct);
}
