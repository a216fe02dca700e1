using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnSide",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnSide",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Instruments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Instruments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Instruments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnSide",
                table: "Instruments",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Commitments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Commitments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Commitments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnSide",
                table: "Commitments",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Activities",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Activities",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnSide",
                table: "Activities",
                type: "TEXT",
                maxLength: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "WithdrawnSide",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawnSide",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "WithdrawnSide",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WithdrawnSide",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "WithdrawnSide",
                table: "Activities");
        }
    }
}
