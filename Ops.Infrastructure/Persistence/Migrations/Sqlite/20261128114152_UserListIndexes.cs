using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_t_user_CreatedAt",
                table: "t_user",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_LastLoginAt",
                table: "t_user",
                column: "LastLoginAt");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_RealName",
                table: "t_user",
                column: "RealName");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_UserName",
                table: "t_user",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_t_user_CreatedAt",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_LastLoginAt",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_RealName",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_UserName",
                table: "t_user");
        }
    }
}
