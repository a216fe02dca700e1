using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Concord.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSourcesAndNoInformation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SucceededOnInference_En",
                table: "Organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SucceededOnInference_Lo",
                table: "Organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SucceededOnInference_Vi",
                table: "Organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_En",
                table: "Meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Lo",
                table: "Meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Vi",
                table: "Meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_En",
                table: "Instruments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Lo",
                table: "Instruments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Vi",
                table: "Instruments",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PeriodStart",
                table: "Commitments",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "PeriodEnd",
                table: "Commitments",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "DateInference_En",
                table: "Activities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Lo",
                table: "Activities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateInference_Vi",
                table: "Activities",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Citations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Passage = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Note_En = table.Column<string>(type: "text", nullable: true),
                    Note_Lo = table.Column<string>(type: "text", nullable: true),
                    Note_Vi = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Citations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Citations_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Citations_RecordType_RecordId",
                table: "Citations",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Citations_SourceId",
                table: "Citations",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Key",
                table: "Sources",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Citations");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropColumn(
                name: "SucceededOnInference_En",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SucceededOnInference_Lo",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SucceededOnInference_Vi",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DateInference_En",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DateInference_Lo",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DateInference_Vi",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "DateInference_En",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "DateInference_Lo",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "DateInference_Vi",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "DateInference_En",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "DateInference_Lo",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "DateInference_Vi",
                table: "Activities");

            migrationBuilder.AlterColumn<int>(
                name: "PeriodStart",
                table: "Commitments",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PeriodEnd",
                table: "Commitments",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
