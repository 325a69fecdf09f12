using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ops.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class DataSourceAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowWrites",
                table: "t_datasource",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DepartmentId",
                table: "t_datasource",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UseRoleIds",
                table: "t_datasource",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AllowWrites",
                table: "t_datasource");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "t_datasource");

            migrationBuilder.DropColumn(
                name: "UseRoleIds",
                table: "t_datasource");
        }
    }
}
