using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InAppDeliveryKeyedByMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MessageLogId",
                table: "t_notification",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "t_message_log",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "System");

            migrationBuilder.CreateIndex(
                name: "IX_t_notification_MessageLogId",
                table: "t_notification",
                column: "MessageLogId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_t_notification_MessageLogId",
                table: "t_notification");

            migrationBuilder.DropColumn(
                name: "MessageLogId",
                table: "t_notification");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "t_message_log");
        }
    }
}
