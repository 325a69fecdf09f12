using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class ApprovalOutboxInstance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_t_workflow_callback_t_workflow_instance_InstanceId",
                table: "t_workflow_callback",
                column: "InstanceId",
                principalTable: "t_workflow_instance",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_t_workflow_callback_t_workflow_instance_InstanceId",
                table: "t_workflow_callback");
        }
    }
}
