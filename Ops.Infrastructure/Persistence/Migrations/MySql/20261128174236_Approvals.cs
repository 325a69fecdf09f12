using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CallbackEnabled",
                table: "t_workflow_definition",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CallbackSecretProtected",
                table: "t_workflow_definition",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "CallbackUrl",
                table: "t_workflow_definition",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_delegation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    DelegateId = table.Column<long>(type: "bigint", nullable: false),
                    Start = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    End = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    Reason = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_delegation", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_file",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    Key = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FileName = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ContentType = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "longblob", maxLength: 10485760, nullable: false),
                    UploadedBy = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_file", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_instance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    DefinitionId = table.Column<long>(type: "bigint", nullable: false),
                    DefinitionCode = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    Process = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Form = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Title = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BusinessType = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BusinessId = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FormData = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Urgency = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ApplicantId = table.Column<long>(type: "bigint", nullable: false),
                    CurrentNodeKey = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Status = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    IsReturned = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    ApproverActed = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    LastActionAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    LastUrgedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_instance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_instance_t_workflow_definition_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "t_workflow_definition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_callback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Target = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Payload = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    DeliveryId = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Status = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    LastError = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    LeaseOwner = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    LeaseUntil = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_callback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_callback_t_workflow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_workflow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_cc",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    NodeKey = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_cc", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_cc_t_workflow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_workflow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_file_ref",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    FileKey = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_file_ref", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_file_ref_t_workflow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_workflow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_record",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "varchar(24)", maxLength: 24, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ActorId = table.Column<long>(type: "bigint", nullable: true),
                    OnBehalfOfId = table.Column<long>(type: "bigint", nullable: true),
                    NodeKey = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    TaskNumber = table.Column<int>(type: "int", nullable: true),
                    TargetUserId = table.Column<long>(type: "bigint", nullable: true),
                    RejectTarget = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Comment = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Attachments = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ChangedFields = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    At = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_record", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_record_t_workflow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_workflow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "t_workflow_task",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    NodeKey = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: false),
                    OnBehalfOfId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AddedFrom = table.Column<int>(type: "int", nullable: true),
                    AddPosition = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AddedById = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    DueAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    HandledAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    HandledById = table.Column<long>(type: "bigint", nullable: true),
                    Comment = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_task", x => x.Id);
                    table.ForeignKey(
                        name: "FK_t_workflow_task_t_workflow_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "t_workflow_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_callback_DeliveryId",
                table: "t_workflow_callback",
                column: "DeliveryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_callback_InstanceId",
                table: "t_workflow_callback",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_callback_Status_NextAttemptAt",
                table: "t_workflow_callback",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_cc_InstanceId_NodeKey_UserId",
                table: "t_workflow_cc",
                columns: new[] { "InstanceId", "NodeKey", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_cc_UserId_ReadAt",
                table: "t_workflow_cc",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_delegation_UserId_End",
                table: "t_workflow_delegation",
                columns: new[] { "UserId", "End" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_file_Key",
                table: "t_workflow_file",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_file_UploadedBy_UploadedAt",
                table: "t_workflow_file",
                columns: new[] { "UploadedBy", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_file_ref_FileKey_InstanceId",
                table: "t_workflow_file_ref",
                columns: new[] { "FileKey", "InstanceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_file_ref_InstanceId",
                table: "t_workflow_file_ref",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_instance_ApplicantId_Status",
                table: "t_workflow_instance",
                columns: new[] { "ApplicantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_instance_BusinessType_BusinessId",
                table: "t_workflow_instance",
                columns: new[] { "BusinessType", "BusinessId" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_instance_DefinitionId",
                table: "t_workflow_instance",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_instance_Status_SubmittedAt",
                table: "t_workflow_instance",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_record_ActorId_At",
                table: "t_workflow_record",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_record_InstanceId_Number",
                table: "t_workflow_record",
                columns: new[] { "InstanceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_task_AssigneeId_Status",
                table: "t_workflow_task",
                columns: new[] { "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_task_HandledById_HandledAt",
                table: "t_workflow_task",
                columns: new[] { "HandledById", "HandledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_task_InstanceId_Number",
                table: "t_workflow_task",
                columns: new[] { "InstanceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_t_workflow_task_Status_DueAt",
                table: "t_workflow_task",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "t_workflow_callback");

            migrationBuilder.DropTable(
                name: "t_workflow_cc");

            migrationBuilder.DropTable(
                name: "t_workflow_delegation");

            migrationBuilder.DropTable(
                name: "t_workflow_file");

            migrationBuilder.DropTable(
                name: "t_workflow_file_ref");

            migrationBuilder.DropTable(
                name: "t_workflow_record");

            migrationBuilder.DropTable(
                name: "t_workflow_task");

            migrationBuilder.DropTable(
                name: "t_workflow_instance");

            migrationBuilder.DropColumn(
                name: "CallbackEnabled",
                table: "t_workflow_definition");

            migrationBuilder.DropColumn(
                name: "CallbackSecretProtected",
                table: "t_workflow_definition");

            migrationBuilder.DropColumn(
                name: "CallbackUrl",
                table: "t_workflow_definition");
        }
    }
}
