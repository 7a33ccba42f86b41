using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingRule",
                table: "DialledNumbers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingNumbers",
                table: "Agents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingRule",
                table: "Agents",
                type: "TEXT",
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
