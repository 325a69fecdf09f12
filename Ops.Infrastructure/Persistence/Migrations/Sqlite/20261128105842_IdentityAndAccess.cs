using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityAndAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AvatarVersion",
                table: "t_user",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DataScope",
                table: "t_user",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataScopeDepartments",
                table: "t_user",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DingTalkId",
                table: "t_user",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeishuId",
                table: "t_user",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OidcSubject",
                table: "t_user",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PendingApproval",
                table: "t_user",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequireMfa",
                table: "t_user",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WeComId",
                table: "t_user",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataScope",
                table: "t_role",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataScopeDepartments",
                table: "t_role",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequireMfa",
                table: "t_role",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "t_login_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Browser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OperatingSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Device = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_login_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_user_avatar",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: 524288, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_user_avatar", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_t_user_avatar_t_user_UserId",
                        column: x => x.UserId,
                        principalTable: "t_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "t_user_session",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Device = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_user_session", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_user_session_t_user_UserId",
                        column: x => x.UserId,
                        principalTable: "t_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user",
                column: "DingTalkId");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user",
                column: "FeishuId");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_IsActive_CreatedAt",
                table: "t_user",
                columns: new[] { "IsActive", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user",
                column: "OidcSubject");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_PhoneNumber",
                table: "t_user",
                column: "PhoneNumber");

            migrationBuilder.CreateIndex(
                name: "IX_t_user_WeComId",
                table: "t_user",
                column: "WeComId");

            migrationBuilder.CreateIndex(
                name: "IX_t_login_log_Time",
                table: "t_login_log",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_t_login_log_UserId_Time",
                table: "t_login_log",
                columns: new[] { "UserId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_t_user_session_UserId_RevokedAt",
                table: "t_user_session",
                columns: new[] { "UserId", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "t_login_log");

            migrationBuilder.DropTable(
                name: "t_user_avatar");

            migrationBuilder.DropTable(
                name: "t_user_session");

            migrationBuilder.DropIndex(
                name: "IX_t_user_DingTalkId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_FeishuId",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_IsActive_CreatedAt",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_OidcSubject",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_PhoneNumber",
                table: "t_user");

            migrationBuilder.DropIndex(
                name: "IX_t_user_WeComId",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "AvatarVersion",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "DataScope",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "DataScopeDepartments",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "DingTalkId",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "FeishuId",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "OidcSubject",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "PendingApproval",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "RequireMfa",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "WeComId",
                table: "t_user");

            migrationBuilder.DropColumn(
                name: "DataScope",
                table: "t_role");

            migrationBuilder.DropColumn(
                name: "DataScopeDepartments",
                table: "t_role");

            migrationBuilder.DropColumn(
                name: "RequireMfa",
                table: "t_role");
        }
    }
}
