using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class IdentityAndAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "t_user",
                type: "varchar(255)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "longtext",
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "AvatarVersion",
                table: "t_user",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DataScope",
                table: "t_user",
                type: "varchar(32)",
                maxLength: 32,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "DataScopeDepartments",
                table: "t_user",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "DingTalkId",
                table: "t_user",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "FeishuId",
                table: "t_user",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "OidcSubject",
                table: "t_user",
                type: "varchar(255)",
                maxLength: 255,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<bool>(
                name: "PendingApproval",
                table: "t_user",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequireMfa",
                table: "t_user",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WeComId",
                table: "t_user",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "DataScope",
                table: "t_role",
                type: "varchar(32)",
                maxLength: 32,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "DataScopeDepartments",
                table: "t_role",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<bool>(
                name: "RequireMfa",
                table: "t_role",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "t_login_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    Time = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "varchar(256)", maxLength: 256, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Type = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Result = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FailureReason = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    IpAddress = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserAgent = table.Column<string>(type: "varchar(512)", maxLength: 512, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Browser = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    OperatingSystem = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Device = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_login_log", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_user_avatar",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Content = table.Column<byte[]>(type: "longblob", maxLength: 524288, nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_user_session",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    IpAddress = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserAgent = table.Column<string>(type: "varchar(512)", maxLength: 512, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Device = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RevokedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "t_user",
                type: "longtext",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(255)",
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
