using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CallbackSecretProtected",
                table: "t_workflow_definition",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallbackUrl",
                table: "t_workflow_definition",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "t_workflow_delegation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_delegation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_file",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: 10485760, nullable: false),
                    UploadedBy = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_t_workflow_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_instance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DefinitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    DefinitionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Process = table.Column<string>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BusinessType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BusinessId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    FormData = table.Column<string>(type: "TEXT", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApplicantId = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentNodeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsReturned = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApproverActed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActionAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUrgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_callback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_cc",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_file_ref",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_record",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    OnBehalfOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TaskNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectTarget = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "t_workflow_task",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    OnBehalfOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AddedFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    AddPosition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AddedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledById = table.Column<long>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

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
