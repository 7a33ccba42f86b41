using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCallDisposition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "Calls",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "Calls");
        }
    }
}
