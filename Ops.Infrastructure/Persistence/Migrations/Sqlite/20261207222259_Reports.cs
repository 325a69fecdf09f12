using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "t_datasource",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxRows",
                table: "t_datasource",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueryTimeoutSeconds",
                table: "t_datasource",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "t_report",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DataSourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DraftJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedJson = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedDataSourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnableWatermark = table.Column<bool>(type: "INTEGER", nullable: false),
                    ViewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastViewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_report", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_report_favorite",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_report_favorite", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_report_grant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_report_grant", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_report_version",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DataSourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_report_version", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_t_report_DataSourceId",
                table: "t_report",
                column: "DataSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_t_report_IsDeleted",
                table: "t_report",
                column: "IsDeleted");

            migrationBuilder.CreateIndex(
                name: "IX_t_report_Name",
                table: "t_report",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_t_report_Status_UpdatedAt",
                table: "t_report",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_report_favorite_ReportId",
                table: "t_report_favorite",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_t_report_favorite_UserId_ReportId",
                table: "t_report_favorite",
                columns: new[] { "UserId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_report_grant_Kind_TargetId",
                table: "t_report_grant",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_t_report_grant_ReportId_Kind_TargetId",
                table: "t_report_grant",
                columns: new[] { "ReportId", "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_report_version_ReportId_Number",
                table: "t_report_version",
                columns: new[] { "ReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "t_report");

            migrationBuilder.DropTable(
                name: "t_report_favorite");

            migrationBuilder.DropTable(
                name: "t_report_grant");

            migrationBuilder.DropTable(
                name: "t_report_version");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "t_datasource");

            migrationBuilder.DropColumn(
                name: "MaxRows",
                table: "t_datasource");

            migrationBuilder.DropColumn(
                name: "QueryTimeoutSeconds",
                table: "t_datasource");
        }
    }
}
