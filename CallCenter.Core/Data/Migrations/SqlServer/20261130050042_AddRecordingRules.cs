using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddRecordingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordingNumbers",
                table: "DialledNumbers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingRule",
                table: "DialledNumbers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingNumbers",
                table: "Agents",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingRule",
                table: "Agents",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordingNumbers",
                table: "DialledNumbers");

            migrationBuilder.DropColumn(
                name: "RecordingRule",
                table: "DialledNumbers");

            migrationBuilder.DropColumn(
                name: "RecordingNumbers",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "RecordingRule",
                table: "Agents");
        }
    }
}
