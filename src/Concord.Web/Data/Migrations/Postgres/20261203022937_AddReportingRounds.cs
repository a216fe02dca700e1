using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Concord.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReportingRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Jobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PeriodStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodEnd = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Side = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentId = table.Column<int>(type: "integer", nullable: true),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    LeadOrganisationId = table.Column<int>(type: "integer", nullable: true),
                    RemindDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Name_En = table.Column<string>(type: "text", nullable: true),
                    Name_Lo = table.Column<string>(type: "text", nullable: true),
                    Name_Vi = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_Terms_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatusProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitmentId = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedBySide = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ProposedById = table.Column<int>(type: "integer", nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusProposals_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StatusProposals_AspNetUsers_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StatusProposals_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRounds",
                columns: table => new
                {
                    ReminderId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    AfterDue = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRounds", x => new { x.ReminderId, x.RoundId });
                    table.ForeignKey(
                        name: "FK_ReminderRounds_Reminders_ReminderId",
                        column: x => x.ReminderId,
                        principalTable: "Reminders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderRounds_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundSubmissions",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ProgressReportId = table.Column<int>(type: "integer", nullable: false),
                    ReportVersion = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSubmissions", x => new { x.RoundId, x.ProgressReportId });
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_ProgressReports_ProgressReportId",
                        column: x => x.ProgressReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Key",
                table: "Jobs",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRounds_RoundId_ReminderId",
                table: "ReminderRounds",
                columns: new[] { "RoundId", "ReminderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_AccountId_Day",
                table: "Reminders",
                columns: new[] { "AccountId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_CreatedAt_Id",
                table: "Reminders",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_State_Id",
                table: "Reminders",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_AreaId",
                table: "Rounds",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_InstrumentId",
                table: "Rounds",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Key",
                table: "Rounds",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_LeadOrganisationId",
                table: "Rounds",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_MeetingId",
                table: "Rounds",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_State_DueOn_Id",
                table: "Rounds",
                columns: new[] { "State", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundSubmissions_ProgressReportId",
                table: "RoundSubmissions",
                column: "ProgressReportId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusProposals_CommitmentId_State",
                table: "StatusProposals",
                columns: new[] { "CommitmentId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusProposals_DecidedById",
                table: "StatusProposals",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_StatusProposals_ProposedById",
                table: "StatusProposals",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_StatusProposals_State_ProposedBySide_Id",
                table: "StatusProposals",
                columns: new[] { "State", "ProposedBySide", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderRounds");

            migrationBuilder.DropTable(
                name: "RoundSubmissions");

            migrationBuilder.DropTable(
                name: "StatusProposals");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Key",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Jobs");
        }
    }
}
