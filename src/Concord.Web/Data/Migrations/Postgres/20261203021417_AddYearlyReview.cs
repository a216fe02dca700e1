using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Concord.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddYearlyReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AreaId",
                table: "Instruments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Instruments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportedInYear",
                table: "Instruments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportedInYear",
                table: "Activities",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CooperationYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestrictedTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    BilateralCommittees = table.Column<int>(type: "integer", nullable: true),
                    NgoPartners = table.Column<int>(type: "integer", nullable: true),
                    NgoPartnersApproximate = table.Column<bool>(type: "boolean", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    PartnersNote_En = table.Column<string>(type: "text", nullable: true),
                    PartnersNote_Lo = table.Column<string>(type: "text", nullable: true),
                    PartnersNote_Vi = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CooperationYearPartners",
                columns: table => new
                {
                    CooperationYearId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationYearPartners", x => new { x.CooperationYearId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_CooperationYearPartners_CooperationYears_CooperationYearId",
                        column: x => x.CooperationYearId,
                        principalTable: "CooperationYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CooperationYearPartners_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CooperationYearRates",
                columns: table => new
                {
                    CooperationYearId = table.Column<int>(type: "integer", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationYearRates", x => new { x.CooperationYearId, x.Currency });
                    table.ForeignKey(
                        name: "FK_CooperationYearRates_CooperationYears_CooperationYearId",
                        column: x => x.CooperationYearId,
                        principalTable: "CooperationYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_AreaId",
                table: "Instruments",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationYearPartners_OrganisationId",
                table: "CooperationYearPartners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationYears_Year_Country",
                table: "CooperationYears",
                columns: new[] { "Year", "Country" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Instruments_Terms_AreaId",
                table: "Instruments",
                column: "AreaId",
                principalTable: "Terms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Instruments_Terms_AreaId",
                table: "Instruments");

            migrationBuilder.DropTable(
                name: "CooperationYearPartners");

            migrationBuilder.DropTable(
                name: "CooperationYearRates");

            migrationBuilder.DropTable(
                name: "CooperationYears");

            migrationBuilder.DropIndex(
                name: "IX_Instruments_AreaId",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "AreaId",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "ReportedInYear",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "ReportedInYear",
                table: "Activities");
        }
    }
}
