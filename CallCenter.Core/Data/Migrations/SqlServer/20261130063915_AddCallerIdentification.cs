using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCallerIdentification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_CallerNumber",
                table: "Calls");

            migrationBuilder.AddColumn<bool>(
                name: "IsMalicious",
                table: "Customers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CallerNumber_OfferedAt",
                table: "Calls",
                columns: new[] { "CallerNumber", "OfferedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_CallerNumber_OfferedAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "IsMalicious",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CallerNumber",
                table: "Calls",
                column: "CallerNumber");
        }
    }
}
