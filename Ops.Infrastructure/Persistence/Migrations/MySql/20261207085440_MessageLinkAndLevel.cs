using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class MessageLinkAndLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Messages queued before this carried no level: they stay plain information (the enum's first value).
            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "t_message_log",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Info")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "t_message_log",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Level",
                table: "t_message_log");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "t_message_log");
        }
    }
}
