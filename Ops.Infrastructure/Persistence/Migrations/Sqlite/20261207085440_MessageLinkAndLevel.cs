using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Info");

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "t_message_log",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
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
