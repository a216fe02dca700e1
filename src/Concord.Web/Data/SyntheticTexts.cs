namespace Concord.Data;

// The words synthetic records are written with, in Vietnamese (with its diacritics, so search
// folding is exercised) and English. Partner names are real countries and organisations so the
// screens read naturally; every record made from them is flagged illustrative and keyed "syn-".
internal static class SyntheticTexts
{
    public static readonly (string Iso, string Vi, string En)[] Countries =
    [
        ("JP", "Nhật Bản", "Japan"), ("KR", "Hàn Quốc", "Republic of Korea"), ("KH", "Cam-pu-chia", "Cambodia"),
        ("TH", "Thái Lan", "Thailand"), ("CN", "Trung Quốc", "China"), ("DE", "Đức", "Germany"), ("FR", "Pháp", "France"),
        ("AU", "Úc", "Australia"), ("CU", "Cu Ba", "Cuba"), ("DK", "Đan Mạch", "Denmark"), ("MA", "Ma-rốc", "Morocco"),
        ("BG", "Bun-ga-ri", "Bulgaria"), ("RO", "Ru-ma-ni", "Romania"), ("MN", "Mông Cổ", "Mongolia"), ("CL", "Chi-lê", "Chile"),
        ("ZA", "Nam Phi", "South Africa"), ("US", "Hoa Kỳ", "United States"), ("GB", "Vương quốc Anh", "United Kingdom"),
        ("NL", "Hà Lan", "Netherlands"), ("CH", "Thụy Sĩ", "Switzerland"), ("SE", "Thụy Điển", "Sweden"), ("NO", "Na Uy", "Norway"),
        ("FI", "Phần Lan", "Finland"), ("IT", "I-ta-li-a", "Italy"), ("ES", "Tây Ban Nha", "Spain"), ("PT", "Bồ Đào Nha", "Portugal"),
        ("BE", "Bỉ", "Belgium"), ("AT", "Áo", "Austria"), ("PL", "Ba Lan", "Poland"), ("CZ", "Séc", "Czechia"),
        ("HU", "Hung-ga-ri", "Hungary"), ("SK", "Xlô-va-ki-a", "Slovakia"), ("RU", "Liên bang Nga", "Russian Federation"),
        ("BY", "Bê-la-rút", "Belarus"), ("KZ", "Ca-dắc-xtan", "Kazakhstan"), ("IN", "Ấn Độ", "India"), ("BD", "Băng-la-đét", "Bangladesh"),
        ("LK", "Xri Lan-ca", "Sri Lanka"), ("NP", "Nê-pan", "Nepal"), ("MM", "Mi-an-ma", "Myanmar"), ("ID", "In-đô-nê-xi-a", "Indonesia"),
        ("MY", "Ma-lai-xi-a", "Malaysia"), ("SG", "Xinh-ga-po", "Singapore"), ("PH", "Phi-líp-pin", "Philippines"), ("BN", "Bru-nây", "Brunei"),
        ("TL", "Ti-mo Lét-xtê", "Timor-Leste"), ("SA", "A-rập Xê-út", "Saudi Arabia"), ("AE", "Các Tiểu vương quốc A-rập Thống nhất", "United Arab Emirates"),
        ("QA", "Ca-ta", "Qatar"), ("KW", "Cô-oét", "Kuwait"), ("IL", "I-xra-en", "Israel"), ("TR", "Thổ Nhĩ Kỳ", "Türkiye"),
        ("EG", "Ai Cập", "Egypt"), ("DZ", "An-giê-ri", "Algeria"), ("MZ", "Mô-dăm-bích", "Mozambique"), ("AO", "Ăng-gô-la", "Angola"),
        ("NZ", "Niu Di-lân", "New Zealand"), ("CA", "Ca-na-đa", "Canada"), ("BR", "Bra-xin", "Brazil"), ("AR", "Ác-hen-ti-na", "Argentina"),
        ("MX", "Mê-hi-cô", "Mexico"), ("VE", "Vê-nê-xu-ê-la", "Venezuela"),
    ];

    public static readonly (string Abbreviation, string? Iso, string Vi, string En)[] InternationalOrganisations =
    [
        ("ILO", null, "Tổ chức Lao động Quốc tế", "International Labour Organization"),
        ("UNICEF", null, "Quỹ Nhi đồng Liên Hợp Quốc", "United Nations Children's Fund"),
        ("UNDP", null, "Chương trình Phát triển Liên Hợp Quốc", "United Nations Development Programme"),
        ("UNFPA", null, "Quỹ Dân số Liên Hợp Quốc", "United Nations Population Fund"),
        ("UN Women", null, "Cơ quan Liên Hợp Quốc về Bình đẳng giới và Trao quyền cho phụ nữ", "UN Women"),
        ("IOM", null, "Tổ chức Di cư Quốc tế", "International Organization for Migration"),
        ("WHO", null, "Tổ chức Y tế Thế giới", "World Health Organization"),
        ("UNESCO", null, "Tổ chức Giáo dục, Khoa học và Văn hóa Liên Hợp Quốc", "United Nations Educational, Scientific and Cultural Organization"),
        ("UNODC", null, "Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm", "United Nations Office on Drugs and Crime"),
        ("WB", null, "Ngân hàng Thế giới", "World Bank"),
        ("ADB", null, "Ngân hàng Phát triển Châu Á", "Asian Development Bank"),
        ("ASEAN", null, "Ban Thư ký ASEAN", "ASEAN Secretariat"),
        ("OECD", null, "Tổ chức Hợp tác và Phát triển Kinh tế", "Organisation for Economic Co-operation and Development"),
        ("ISSA", null, "Hiệp hội An sinh xã hội quốc tế", "International Social Security Association"),
        ("EU", null, "Phái đoàn Liên minh châu Âu", "Delegation of the European Union"),
        ("GIZ", "DE", "Tổ chức Hợp tác Quốc tế Đức", "Deutsche Gesellschaft für Internationale Zusammenarbeit"),
        ("JICA", "JP", "Cơ quan Hợp tác Quốc tế Nhật Bản", "Japan International Cooperation Agency"),
        ("KOICA", "KR", "Cơ quan Hợp tác Quốc tế Hàn Quốc", "Korea International Cooperation Agency"),
        ("AFD", "FR", "Cơ quan Phát triển Pháp", "French Development Agency"),
        ("DFAT", "AU", "Bộ Ngoại giao và Thương mại Úc", "Department of Foreign Affairs and Trade of Australia"),
    ];

    public static readonly (string Vi, string En)[] OfficeKinds =
    [
        ("Văn phòng tại Việt Nam", "Country Office for Viet Nam"),
        ("Văn phòng khu vực châu Á - Thái Bình Dương", "Regional Office for Asia and the Pacific"),
        ("Vụ Chương trình", "Programme Department"),
        ("Trụ sở chính", "Headquarters"),
    ];

    public static readonly (string Vi, string En)[] MinistryNames =
    [
        ("Bộ Lao động", "Ministry of Labour"),
        ("Bộ Lao động và Xã hội", "Ministry of Labour and Social Affairs"),
        ("Bộ Việc làm", "Ministry of Employment"),
        ("Bộ Lao động, Việc làm và An sinh xã hội", "Ministry of Labour, Employment and Social Security"),
        ("Bộ Phúc lợi xã hội", "Ministry of Social Welfare"),
    ];

    // The first is the international cooperation department, the usual lead on every commitment.
    public static readonly (string Vi, string En)[] Departments =
    [
        ("Vụ Hợp tác quốc tế", "Department of International Cooperation"),
        ("Cục Việc làm", "Department of Employment"),
        ("Cục Giáo dục nghề nghiệp", "Department of Vocational Education"),
        ("Cục Bảo trợ xã hội", "Department of Social Protection"),
        ("Cục Trẻ em", "Department of Children"),
        ("Cục Người có công", "Department of Meritorious People"),
        ("Vụ Pháp chế", "Legal Department"),
        ("Cục Quản lý lao động ngoài nước", "Department of Overseas Labour"),
        ("Vụ Bảo hiểm xã hội", "Department of Social Insurance"),
        ("Cục An toàn lao động", "Department of Work Safety"),
        ("Thanh tra Bộ", "Ministry Inspectorate"),
        ("Vụ Bình đẳng giới", "Department of Gender Equality"),
        ("Cục Phòng, chống tệ nạn xã hội", "Department of Social Vice Prevention"),
        ("Vụ Kế hoạch - Tài chính", "Department of Planning and Finance"),
        ("Văn phòng Bộ", "Ministry Office"),
        ("Vụ Lao động - Tiền lương", "Department of Labour and Wages"),
    ];

    public static readonly (string Vi, string En)[] NgoForms =
        [("Quỹ", "Foundation"), ("Tổ chức", "Organisation"), ("Hội", "Association"), ("Mạng lưới", "Network")];

    public static readonly (string Vi, string En)[] NgoTopics =
    [
        ("Hỗ trợ Trẻ em", "Children's Aid"), ("Vì Người khuyết tật", "Disability Action"), ("Phát triển Cộng đồng", "Community Development"),
        ("Việc làm Bền vững", "Decent Work"), ("Bảo trợ Xã hội", "Social Care"), ("Khắc phục Bom mìn", "Mine Action"),
        ("Vì Người cao tuổi", "Ageing Support"), ("Bình đẳng Giới", "Gender Equality"), ("Kỹ năng Nghề", "Skills"), ("Di cư An toàn", "Safe Migration"),
    ];

    public static readonly (string Vi, string En)[] InstitutionKinds =
    [
        ("Trường Cao đẳng Kỹ thuật", "Technical College"), ("Viện Đào tạo nghề", "Vocational Training Institute"),
        ("Trung tâm Phát triển kỹ năng", "Skills Development Centre"), ("Trường Đại học Sư phạm Kỹ thuật", "University of Technical Education"),
    ];

    public static readonly string[] VietnameseFamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    public static readonly string[] VietnameseMiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Hoài", "Bá"];
    public static readonly string[] VietnameseGivenNames =
        ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"];

    // Foreign names by naming tradition: family name first for Japan, Korea and China.
    public static readonly Dictionary<string, (string[] Given, string[] Family, bool FamilyFirst)> ForeignNames = new()
    {
        ["JP"] = (["Hiroshi", "Yuki", "Kenji", "Aiko", "Takeshi", "Naoko", "Satoshi", "Emi"], ["Tanaka", "Suzuki", "Sato", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi"], true),
        ["KR"] = (["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun", "Soo-jin", "Jae-won", "Eun-ji"], ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"], true),
        ["CN"] = (["Wei", "Fang", "Lei", "Jing", "Hao", "Min", "Tao", "Yan"], ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"], true),
        ["SEA"] = (["Sokha", "Somchai", "Siti", "Arief", "Maria", "Aung", "Nurul", "Dara"], ["Chan", "Srisuk", "Rahman", "Santoso", "Reyes", "Win", "Abdullah", "Kim"], false),
        [""] = (["Anna", "Thomas", "Maria", "Peter", "Sofia", "Lars", "Elena", "David", "Ingrid", "Carlos", "Fatima", "Ivan"], ["Schmidt", "Martin", "Jensen", "Rossi", "García", "Novak", "Petrov", "Müller", "Silva", "Andersson", "Haddad", "Kowalski"], false),
    };

    public static readonly string[] SoutheastAsia = ["KH", "TH", "MM", "ID", "MY", "SG", "PH", "BN", "TL"];

    public static readonly string[] VietnameseCities = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Huế", "Cần Thơ", "Nha Trang", "Hạ Long", "Ninh Bình", "Vinh"];

    // Cooperation areas (codes of ReferenceTerms) with how often a ministry's cooperation touches them.
    public static readonly (string Code, double Weight)[] Areas =
    [
        ("vocational-education", 14), ("labour-employment", 12), ("social-protection", 9), ("skill-standards", 6), ("social-insurance", 7),
        ("labour-management", 8), ("skilled-labour-mobility", 6), ("child-protection", 6), ("disability-rehabilitation", 5),
        ("labour-market-information", 4), ("poverty-reduction", 5), ("inspection", 4), ("digital-transformation", 4),
        ("international-integration", 5), ("policy", 5), ("exchange", 4), ("older-persons", 2), ("meritorious-service", 2), ("language-training", 2),
    ];

    public static readonly Dictionary<string, (string Vi, string En)[]> Objects = new()
    {
        ["labour-employment"] = [("chính sách việc làm cho thanh niên", "youth employment policy"), ("dịch vụ việc làm công", "public employment services"), ("phát triển thị trường lao động", "labour market development")],
        ["labour-market-information"] = [("hệ thống thông tin thị trường lao động", "the labour market information system"), ("dự báo nhu cầu nhân lực", "forecasting of skills needs")],
        ["labour-management"] = [("quản lý lao động nước ngoài", "the management of foreign workers"), ("bảo vệ quyền lợi người lao động di cư", "the protection of migrant workers' rights")],
        ["skilled-labour-mobility"] = [("tuyển chọn, phái cử lao động có kỹ năng", "the recruitment and deployment of skilled workers"), ("công nhận kỹ năng của lao động di cư", "recognition of migrant workers' skills")],
        ["vocational-education"] = [("đào tạo nghề chất lượng cao", "high-quality vocational training"), ("chuẩn hóa chương trình đào tạo nghề", "the standardisation of vocational curricula"), ("đào tạo giáo viên giáo dục nghề nghiệp", "the training of vocational teachers")],
        ["skill-standards"] = [("tiêu chuẩn kỹ năng nghề quốc gia", "national occupational skill standards"), ("đánh giá, cấp chứng chỉ kỹ năng nghề", "skills assessment and certification")],
        ["social-insurance"] = [("bảo hiểm xã hội tự nguyện", "voluntary social insurance"), ("hiệp định song phương về bảo hiểm xã hội", "a bilateral social security agreement"), ("bảo hiểm thất nghiệp", "unemployment insurance")],
        ["social-protection"] = [("trợ giúp xã hội thường xuyên", "regular social assistance"), ("hệ thống an sinh xã hội đa tầng", "a multi-tier social protection system")],
        ["child-protection"] = [("phòng, chống bạo lực trẻ em", "the prevention of violence against children"), ("chăm sóc trẻ em có hoàn cảnh đặc biệt", "care for children in special circumstances")],
        ["disability-rehabilitation"] = [("phục hồi chức năng dựa vào cộng đồng", "community-based rehabilitation"), ("việc làm cho người khuyết tật", "the employment of persons with disabilities")],
        ["older-persons"] = [("chăm sóc người cao tuổi tại cộng đồng", "community care for older persons")],
        ["meritorious-service"] = [("chính sách ưu đãi người có công", "preferential policies for people with meritorious service")],
        ["poverty-reduction"] = [("giảm nghèo đa chiều", "multidimensional poverty reduction"), ("sinh kế bền vững cho hộ nghèo", "sustainable livelihoods for poor households")],
        ["inspection"] = [("thanh tra lao động", "labour inspection"), ("an toàn, vệ sinh lao động", "occupational safety and health")],
        ["digital-transformation"] = [("chuyển đổi số trong quản lý lao động", "the digital transformation of labour administration"), ("cơ sở dữ liệu an sinh xã hội", "the social protection database")],
        ["language-training"] = [("đào tạo ngoại ngữ cho người lao động", "language training for workers")],
        ["international-integration"] = [("thực hiện các công ước của ILO", "the implementation of ILO conventions"), ("hợp tác trong khuôn khổ ASEAN", "cooperation within ASEAN")],
        ["exchange"] = [("trao đổi đoàn cán bộ các cấp", "exchanges of delegations at all levels")],
        ["policy"] = [("xây dựng pháp luật lao động", "the drafting of labour law"), ("chính sách tiền lương", "wage policy")],
    };

    public static readonly (string Vi, string En)[] Verbs =
    [
        ("Trao đổi kinh nghiệm về", "Exchange experience on"), ("Phối hợp tổ chức hội thảo về", "Jointly hold a workshop on"),
        ("Hỗ trợ kỹ thuật về", "Provide technical assistance on"), ("Đào tạo, bồi dưỡng cán bộ về", "Train officials in"),
        ("Xây dựng và triển khai dự án về", "Design and carry out a project on"), ("Cử chuyên gia tư vấn về", "Send advisory experts on"),
        ("Nghiên cứu chung về", "Carry out a joint study on"), ("Trao đổi đoàn khảo sát về", "Exchange study visits on"),
        ("Chia sẻ dữ liệu, thông tin định kỳ về", "Share data and information regularly on"), ("Hoàn thiện khung pháp lý về", "Improve the legal framework for"),
    ];

    // {0} is the partner's name.
    public static readonly (string Vi, string En)[] Qualifiers =
    [
        (" tại các tỉnh biên giới", " in the border provinces"), (" cho cán bộ cấp tỉnh", " for provincial officials"),
        (" với sự hỗ trợ của {0}", " with the support of {0}"), (" theo hình thức trực tuyến", " online"), (" cho lao động nữ", " for women workers"),
    ];

    // {0} a count, {1} women among them, {2} a year, {3} a quarter.
    public static readonly Dictionary<string, (string Vi, string En)[]> Narratives = new()
    {
        ["NotStarted"] = [("Chưa triển khai, đang chờ phía bạn cử đầu mối.", "Not started; waiting for the partner to name a focal point."), ("Đang xây dựng kế hoạch chi tiết năm {2}.", "Drawing up the detailed plan for {2}.")],
        ["InProgress"] = [("Đang triển khai: đã tổ chức {0} hoạt động trong năm {2}.", "Under way: {0} activities held in {2}."), ("Đã hoàn thành khảo sát ban đầu; dự kiến tổ chức hội thảo trong quý {3}.", "Initial survey done; workshop planned for quarter {3}."), ("Đã đào tạo {0} cán bộ, trong đó {1} nữ; tiếp tục trong năm {2}.", "{0} officials trained, {1} of them women; continuing in {2}.")],
        ["Done"] = [("Đã hoàn thành; {0} người tham gia, trong đó {1} nữ.", "Completed; {0} participants, {1} of them women."), ("Hoàn thành theo kế hoạch, báo cáo kết quả đã gửi phía bạn.", "Completed as planned; the results report has been sent to the partner.")],
        ["PartlyDone"] = [("Hoàn thành một phần: {0} hoạt động, còn lại chuyển sang năm {2}.", "Partly done: {0} activities; the rest moves to {2}.")],
        ["Delayed"] = [("Chậm tiến độ do chưa bố trí được kinh phí.", "Behind schedule: funding not yet allocated."), ("Lùi sang quý {3} theo đề nghị của phía bạn.", "Moved to quarter {3} at the partner's request.")],
        ["Dropped"] = [("Không tiếp tục do hai bên thay đổi ưu tiên.", "Discontinued after both sides changed priorities.")],
        ["CarriedOver"] = [("Đề nghị chuyển sang kế hoạch giai đoạn sau.", "Proposed for the next period's plan.")],
    };

    // {0} the cooperation object, {1} the partner's name, {2} a year.
    public static readonly Dictionary<string, (string TitleVi, string TitleEn, string DescriptionVi, string DescriptionEn)> Activities = new()
    {
        ["training"] = ("Khóa đào tạo về {0}", "Training course on {0}", "Khóa đào tạo phối hợp với {1} năm {2}.", "Course held with {1} in {2}."),
        ["delegation-visit"] = ("Đoàn công tác trao đổi về {0} với {1}", "Delegation visit with {1} on {0}", "Đoàn làm việc về {0} năm {2}.", "Working visit on {0} in {2}."),
        ["workshop"] = ("Hội thảo về {0}", "Workshop on {0}", "Hội thảo đồng tổ chức với {1}.", "Workshop co-hosted with {1}."),
        ["scholarship"] = ("Học bổng năm {2} về {0}", "{2} scholarships in {0}", "Học bổng do {1} phối hợp cấp.", "Scholarships awarded with {1}."),
        ["donation"] = ("Hỗ trợ trang thiết bị phục vụ {0}", "Equipment for {0}", "Trang thiết bị bàn giao năm {2}.", "Equipment handed over in {2}."),
        ["project"] = ("Dự án về {0}", "Project on {0}", "Dự án hợp tác với {1}, bắt đầu năm {2}.", "Project with {1}, started in {2}."),
        ["award"] = ("Khen thưởng tập thể, cá nhân hợp tác với {1}", "Certificates of merit for cooperation with {1}", "Trao tặng năm {2}.", "Presented in {2}."),
        ["gift"] = ("Quà lưu niệm trao tặng đoàn {1}", "Souvenir gifts for the {1} delegation", "Trao tặng năm {2}.", "Presented in {2}."),
    };

    public static readonly (string Code, double Weight)[] ActivityKinds =
        [("training", 25), ("delegation-visit", 25), ("workshop", 20), ("scholarship", 8), ("donation", 7), ("project", 8), ("award", 4), ("gift", 3)];

    public static string Ordinal(int n) => n % 100 is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" };

    public static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X" };
}
