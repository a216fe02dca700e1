using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Concord.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: false),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Terms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Vocabulary = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Name_En = table.Column<string>(type: "text", nullable: true),
                    Name_Lo = table.Column<string>(type: "text", nullable: true),
                    Name_Vi = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    KindId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsOnline = table.Column<bool>(type: "boolean", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DateNote = table.Column<string>(type: "text", nullable: true),
                    PreparesId = table.Column<int>(type: "integer", nullable: true),
                    Sources = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Agenda_En = table.Column<string>(type: "text", nullable: true),
                    Agenda_Lo = table.Column<string>(type: "text", nullable: true),
                    Agenda_Vi = table.Column<string>(type: "text", nullable: true),
                    Summary_En = table.Column<string>(type: "text", nullable: true),
                    Summary_Lo = table.Column<string>(type: "text", nullable: true),
                    Summary_Vi = table.Column<string>(type: "text", nullable: true),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Lo = table.Column<string>(type: "text", nullable: true),
                    Title_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Meetings_PreparesId",
                        column: x => x.PreparesId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Meetings_Terms_KindId",
                        column: x => x.KindId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    KindId = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Abbreviation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    SuccessorId = table.Column<int>(type: "integer", nullable: true),
                    SucceededOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SucceededOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Name_En = table.Column<string>(type: "text", nullable: true),
                    Name_Lo = table.Column<string>(type: "text", nullable: true),
                    Name_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Organisations_Terms_KindId",
                        column: x => x.KindId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    KindId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    DateNote = table.Column<string>(type: "text", nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    PeopleTotal = table.Column<int>(type: "integer", nullable: true),
                    PeopleWomen = table.Column<int>(type: "integer", nullable: true),
                    PeopleMen = table.Column<int>(type: "integer", nullable: true),
                    ValueAmount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    ValueCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ValueIsLowerBound = table.Column<bool>(type: "boolean", nullable: false),
                    Sources = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Description_En = table.Column<string>(type: "text", nullable: true),
                    Description_Lo = table.Column<string>(type: "text", nullable: true),
                    Description_Vi = table.Column<string>(type: "text", nullable: true),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Lo = table.Column<string>(type: "text", nullable: true),
                    Title_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Activities_Terms_KindId",
                        column: x => x.KindId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    KindId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    DateNote = table.Column<string>(type: "text", nullable: true),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    InForceFromPrecision = table.Column<int>(type: "integer", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOnPrecision = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    Sources = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Summary_En = table.Column<string>(type: "text", nullable: true),
                    Summary_Lo = table.Column<string>(type: "text", nullable: true),
                    Summary_Vi = table.Column<string>(type: "text", nullable: true),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Lo = table.Column<string>(type: "text", nullable: true),
                    Title_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instruments_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Instruments_Terms_KindId",
                        column: x => x.KindId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    LastTotpStep = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => new { x.MeetingId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Position_En = table.Column<string>(type: "text", nullable: true),
                    Position_Lo = table.Column<string>(type: "text", nullable: true),
                    Position_Vi = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityOrganisations",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityOrganisations", x => new { x.ActivityId, x.OrganisationId, x.Role });
                    table.ForeignKey(
                        name: "FK_ActivityOrganisations_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityOrganisations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodEnd = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CarriedOverFromId = table.Column<int>(type: "integer", nullable: true),
                    Sources = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Text_En = table.Column<string>(type: "text", nullable: true),
                    Text_Lo = table.Column<string>(type: "text", nullable: true),
                    Text_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Commitments_CarriedOverFromId",
                        column: x => x.CarriedOverFromId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Terms_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromId = table.Column<int>(type: "integer", nullable: false),
                    ToId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentLinks_Instruments_FromId",
                        column: x => x.FromId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InstrumentLinks_Instruments_ToId",
                        column: x => x.ToId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentParties",
                columns: table => new
                {
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentParties", x => new { x.InstrumentId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_InstrumentParties_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InstrumentParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccountSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountSessions_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentSignatories",
                columns: table => new
                {
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentSignatories", x => new { x.InstrumentId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_InstrumentSignatories_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InstrumentSignatories_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingChairs",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingChairs", x => new { x.MeetingId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MeetingChairs_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingChairs_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityCommitments",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    CommitmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityCommitments", x => new { x.ActivityId, x.CommitmentId });
                    table.ForeignKey(
                        name: "FK_ActivityCommitments_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityCommitments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentLeads",
                columns: table => new
                {
                    CommitmentId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentLeads", x => new { x.CommitmentId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_CommitmentLeads_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentLeads_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    CommitmentId = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    PeriodStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodEnd = table.Column<int>(type: "integer", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PeopleCount = table.Column<int>(type: "integer", nullable: true),
                    WomenCount = table.Column<int>(type: "integer", nullable: true),
                    ValueAmount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    ValueCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    EvidenceLinks = table.Column<string>(type: "text", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    Narrative_En = table.Column<string>(type: "text", nullable: true),
                    Narrative_Lo = table.Column<string>(type: "text", nullable: true),
                    Narrative_Vi = table.Column<string>(type: "text", nullable: true),
                    Translation_EnVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_EnVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_LoVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_LoVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Translation_Original = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "vi"),
                    Translation_ViVerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Translation_ViVerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_AccountId_EndedAt",
                table: "AccountSessions",
                columns: new[] { "AccountId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_KindId_StartsOn_Id",
                table: "Activities",
                columns: new[] { "KindId", "StartsOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MeetingId",
                table: "Activities",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_SearchText",
                table: "Activities",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_StartsOn_Id",
                table: "Activities",
                columns: new[] { "StartsOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCommitments_CommitmentId_ActivityId",
                table: "ActivityCommitments",
                columns: new[] { "CommitmentId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityOrganisations_OrganisationId_ActivityId",
                table: "ActivityOrganisations",
                columns: new[] { "OrganisationId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_AccountId",
                table: "ApiTokens",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Country_Role",
                table: "AspNetUsers",
                columns: new[] { "Country", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_Id",
                table: "AuditEntries",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At_Id",
                table: "AuditEntries",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RecordType_RecordId_Id",
                table: "AuditEntries",
                columns: new[] { "RecordType", "RecordId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentLeads_Country_CommitmentId",
                table: "CommitmentLeads",
                columns: new[] { "Country", "CommitmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentLeads_OrganisationId_CommitmentId",
                table: "CommitmentLeads",
                columns: new[] { "OrganisationId", "CommitmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AreaId_PeriodStart_Id",
                table: "Commitments",
                columns: new[] { "AreaId", "PeriodStart", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CarriedOverFromId",
                table: "Commitments",
                column: "CarriedOverFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueOn_Id",
                table: "Commitments",
                columns: new[] { "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_InstrumentId_Sequence_Id",
                table: "Commitments",
                columns: new[] { "InstrumentId", "Sequence", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_PeriodStart_Id",
                table: "Commitments",
                columns: new[] { "PeriodStart", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_SearchText",
                table: "Commitments",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_PeriodStart_Id",
                table: "Commitments",
                columns: new[] { "Status", "PeriodStart", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_UpdatedAt_Id",
                table: "Commitments",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentLinks_FromId_ToId_Kind",
                table: "InstrumentLinks",
                columns: new[] { "FromId", "ToId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentLinks_ToId",
                table: "InstrumentLinks",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentParties_OrganisationId_InstrumentId",
                table: "InstrumentParties",
                columns: new[] { "OrganisationId", "InstrumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Key",
                table: "Instruments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_KindId_SignedOn_Id",
                table: "Instruments",
                columns: new[] { "KindId", "SignedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_MeetingId",
                table: "Instruments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_SearchText",
                table: "Instruments",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_SignedOn_Id",
                table: "Instruments",
                columns: new[] { "SignedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Status_SignedOn_Id",
                table: "Instruments",
                columns: new[] { "Status", "SignedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentSignatories_PersonId",
                table: "InstrumentSignatories",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingChairs_PersonId",
                table: "MeetingChairs",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_OrganisationId_MeetingId",
                table: "MeetingParticipants",
                columns: new[] { "OrganisationId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Key",
                table: "Meetings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_KindId_StartsOn_Id",
                table: "Meetings",
                columns: new[] { "KindId", "StartsOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PreparesId",
                table: "Meetings",
                column: "PreparesId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SearchText",
                table: "Meetings",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsOn_Id",
                table: "Meetings",
                columns: new[] { "StartsOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Country_Id",
                table: "Organisations",
                columns: new[] { "Country", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Key",
                table: "Organisations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_KindId",
                table: "Organisations",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ParentId",
                table: "Organisations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SearchText",
                table: "Organisations",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SuccessorId",
                table: "Organisations",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId",
                table: "People",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_People_SearchText",
                table: "People",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_CommitmentId_PeriodStart_ReportedOn",
                table: "ProgressReports",
                columns: new[] { "CommitmentId", "PeriodStart", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_OrganisationId",
                table: "ProgressReports",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ReportedOn_Id",
                table: "ProgressReports",
                columns: new[] { "ReportedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_SearchText",
                table: "ProgressReports",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_AccountId_At",
                table: "SecurityEvents",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_At_Id",
                table: "SecurityEvents",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Kind_At",
                table: "SecurityEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Terms_Vocabulary_Code",
                table: "Terms",
                columns: new[] { "Vocabulary", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSessions");

            migrationBuilder.DropTable(
                name: "ActivityCommitments");

            migrationBuilder.DropTable(
                name: "ActivityOrganisations");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CommitmentLeads");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "InstrumentLinks");

            migrationBuilder.DropTable(
                name: "InstrumentParties");

            migrationBuilder.DropTable(
                name: "InstrumentSignatories");

            migrationBuilder.DropTable(
                name: "MeetingChairs");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Instruments");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Terms");
        }
    }
}
