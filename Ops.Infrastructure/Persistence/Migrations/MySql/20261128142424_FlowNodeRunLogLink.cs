using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class FlowNodeRunLogLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_t_flow_node_run_JobLogId",
                table: "t_flow_node_run",
                column: "JobLogId");

            migrationBuilder.AddForeignKey(
                name: "FK_t_flow_node_run_t_job_log_JobLogId",
                table: "t_flow_node_run",
                column: "JobLogId",
                principalTable: "t_job_log",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_t_flow_node_run_t_job_log_JobLogId",
                table: "t_flow_node_run");

            migrationBuilder.DropIndex(
                name: "IX_t_flow_node_run_JobLogId",
                table: "t_flow_node_run");
        }
    }
}
