using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpeedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_CommitmentId_Country_ReportedOn",
                table: "ProgressReports",
                columns: new[] { "CommitmentId", "Country", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AreaId_DueOn_Id",
                table: "Commitments",
                columns: new[] { "AreaId", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AreaId_Status_DueOn_Id",
                table: "Commitments",
                columns: new[] { "AreaId", "Status", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AreaId_UpdatedAt_Id",
                table: "Commitments",
                columns: new[] { "AreaId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_DueOn_Id",
                table: "Commitments",
                columns: new[] { "Status", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_UpdatedAt_Id",
                table: "Commitments",
                columns: new[] { "Status", "UpdatedAt", "Id" });
            // The list's default sort, newest period first with undated clauses last: ORDER BY COALESCE("PeriodStart", 0)
            // DESC, "Id" DESC (CommitmentList.ByPeriodAsync), alone and after a filter by area or status. An index on the
            // column itself cannot serve the COALESCE, so these are on the expression (EF's model cannot declare one).
            migrationBuilder.Sql("CREATE INDEX \"IX_Commitments_PeriodOrder\" ON \"Commitments\" (COALESCE(\"PeriodStart\", 0), \"Id\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Commitments_AreaId_PeriodOrder\" ON \"Commitments\" (\"AreaId\", COALESCE(\"PeriodStart\", 0), \"Id\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Commitments_Status_PeriodOrder\" ON \"Commitments\" (\"Status\", COALESCE(\"PeriodStart\", 0), \"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Commitments_PeriodOrder\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Commitments_AreaId_PeriodOrder\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Commitments_Status_PeriodOrder\";");
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_CommitmentId_Country_ReportedOn",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_AreaId_DueOn_Id",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_AreaId_Status_DueOn_Id",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_AreaId_UpdatedAt_Id",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Status_DueOn_Id",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Status_UpdatedAt_Id",
                table: "Commitments");
        }
    }
}
