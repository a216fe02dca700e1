using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RateLimitRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateLimitRefusals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Client = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Minute = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstRequest = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitRefusals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitRefusals_Client_Minute",
                table: "RateLimitRefusals",
                columns: new[] { "Client", "Minute" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitRefusals_LastAt",
                table: "RateLimitRefusals",
                column: "LastAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateLimitRefusals");
        }
    }
}
