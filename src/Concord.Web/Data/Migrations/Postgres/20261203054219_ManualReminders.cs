using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ManualReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reminders_AccountId_Day",
                table: "Reminders");

            // The reminders written so far are all daily digests.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Reminders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Daily");

            migrationBuilder.AddColumn<int>(
                name: "RequestedById",
                table: "Reminders",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderRequests",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRequests", x => new { x.RoundId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ReminderRequests_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderRequests_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_AccountId_Day",
                table: "Reminders",
                columns: new[] { "AccountId", "Day" },
                unique: true,
                filter: "\"Kind\" = 'Daily'");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RequestedById",
                table: "Reminders",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRequests_OrganisationId",
                table: "ReminderRequests",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRequests_RequestedById",
                table: "ReminderRequests",
                column: "RequestedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Reminders_AspNetUsers_RequestedById",
                table: "Reminders",
                column: "RequestedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Reminders_AspNetUsers_RequestedById",
                table: "Reminders");

            migrationBuilder.DropTable(
                name: "ReminderRequests");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_AccountId_Day",
                table: "Reminders");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_RequestedById",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "RequestedById",
                table: "Reminders");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_AccountId_Day",
                table: "Reminders",
                columns: new[] { "AccountId", "Day" },
                unique: true);
        }
    }
}
