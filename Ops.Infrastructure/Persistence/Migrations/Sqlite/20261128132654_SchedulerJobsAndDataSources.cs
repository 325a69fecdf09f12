using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchedulerJobsAndDataSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "t_datasource",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Port = table.Column<int>(type: "INTEGER", nullable: true),
                    Database = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProtectedPassword = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Options = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastTestAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastTestOk = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastTestMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_t_datasource", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_job",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Config = table.Column<string>(type: "TEXT", nullable: false),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryIntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Concurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Misfire = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Recoverable = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AlertOnFailure = table.Column<bool>(type: "INTEGER", nullable: false),
                    AlertOnTimeout = table.Column<bool>(type: "INTEGER", nullable: false),
                    AlertAfterFailures = table.Column<int>(type: "INTEGER", nullable: true),
                    AlertDurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    AlertChannels = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AlertRecipients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_t_job", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_job_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    FlowId = table.Column<long>(type: "INTEGER", nullable: true),
                    FlowInstanceId = table.Column<long>(type: "INTEGER", nullable: true),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    InputParams = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAttemptId = table.Column<long>(type: "INTEGER", nullable: true),
                    TriggeredBy = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_job_log", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_job_log_t_job_JobId",
                        column: x => x.JobId,
                        principalTable: "t_job",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "t_job_alert",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    LogId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_job_alert", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_job_alert_t_job_JobId",
                        column: x => x.JobId,
                        principalTable: "t_job",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_t_job_alert_t_job_log_LogId",
                        column: x => x.LogId,
                        principalTable: "t_job_log",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_t_datasource_IsDeleted",
                table: "t_datasource",
                column: "IsDeleted");

            migrationBuilder.CreateIndex(
                name: "IX_t_datasource_Name",
                table: "t_datasource",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_DepartmentId",
                table: "t_job",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_IsDeleted",
                table: "t_job",
                column: "IsDeleted");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_Name",
                table: "t_job",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_alert_JobId",
                table: "t_job_alert",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_alert_LogId",
                table: "t_job_alert",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_alert_Status_CreatedAt",
                table: "t_job_alert",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_job_log_FirstAttemptId",
                table: "t_job_log",
                column: "FirstAttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_log_JobId_Id",
                table: "t_job_log",
                columns: new[] { "JobId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_t_job_log_Status_Node",
                table: "t_job_log",
                columns: new[] { "Status", "Node" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "t_datasource");

            migrationBuilder.DropTable(
                name: "t_job_alert");

            migrationBuilder.DropTable(
                name: "t_job_log");

            migrationBuilder.DropTable(
                name: "t_job");
        }
    }
}
