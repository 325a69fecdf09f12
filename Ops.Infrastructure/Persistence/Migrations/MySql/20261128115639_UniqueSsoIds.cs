using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class UniqueSsoIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_WeComId",
                table: "t_user");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user",
                column: "DingTalkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user",
                column: "FeishuId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user",
                column: "OidcSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_user_WeComId",
                table: "t_user",
                column: "WeComId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_WeComId",
                table: "t_user");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user",
                column: "DingTalkId");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user",
                column: "FeishuId");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user",
                column: "OidcSubject");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_WeComId",
                table: "t_user",
                column: "WeComId");
        }
    }
}
