using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "t_job_flow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxParallel = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_t_job_flow", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_flow_instance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TriggeredBy = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RerunOf = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_flow_instance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_flow_instance_t_job_flow_FlowId",
                        column: x => x.FlowId,
                        principalTable: "t_job_flow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "t_job_flow_edge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlowId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_job_flow_edge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_job_flow_edge_t_job_flow_FlowId",
                        column: x => x.FlowId,
                        principalTable: "t_job_flow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "t_job_flow_node",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    PositionX = table.Column<double>(type: "REAL", nullable: false),
                    PositionY = table.Column<double>(type: "REAL", nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    FailurePolicy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_job_flow_node", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_job_flow_node_t_job_flow_FlowId",
                        column: x => x.FlowId,
                        principalTable: "t_job_flow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "t_flow_node_run",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JobLogId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Forced = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_flow_node_run", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_flow_node_run_t_flow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_flow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_t_flow_instance_FlowId_Id",
                table: "t_flow_instance",
                columns: new[] { "FlowId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_t_flow_instance_Status_Node",
                table: "t_flow_instance",
                columns: new[] { "Status", "Node" });

            migrationBuilder.CreateIndex(
                name: "IX_t_flow_node_run_InstanceId_Key",
                table: "t_flow_node_run",
                columns: new[] { "InstanceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_job_flow_IsDeleted",
                table: "t_job_flow",
                column: "IsDeleted");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_flow_Name",
                table: "t_job_flow",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_t_job_flow_edge_FlowId_FromKey_ToKey",
                table: "t_job_flow_edge",
                columns: new[] { "FlowId", "FromKey", "ToKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_job_flow_node_FlowId_Key",
                table: "t_job_flow_node",
                columns: new[] { "FlowId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_job_flow_node_JobId",
                table: "t_job_flow_node",
                column: "JobId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "t_flow_node_run");

            migrationBuilder.DropTable(
                name: "t_job_flow_edge");

            migrationBuilder.DropTable(
                name: "t_job_flow_node");

            migrationBuilder.DropTable(
                name: "t_flow_instance");

            migrationBuilder.DropTable(
                name: "t_job_flow");
        }
    }
}
