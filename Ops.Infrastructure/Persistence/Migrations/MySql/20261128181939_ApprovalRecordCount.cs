using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class ApprovalRecordCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RecordCount",
                table: "t_workflow_instance",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Applications started before the count existed: their records so far.
            migrationBuilder.Sql(
                "UPDATE t_workflow_instance SET RecordCount = (SELECT COUNT(*) FROM t_workflow_record WHERE t_workflow_record.InstanceId = t_workflow_instance.Id)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordCount",
                table: "t_workflow_instance");
        }
    }
}
