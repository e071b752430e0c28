// Reads an .xlsx with exceljs and prints every sheet's rows as JSON:
// {"sheets":[{"name":…, "rows":{"<row number>":[cell values from column A]}}]}.
// Usage: node xlsx.js FILE
const ExcelJS = require("exceljs");

async function main() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const sheets = [];
  wb.eachSheet((ws) => {
    const rows = {};
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? null : v);
      }
      rows[n] = cells;
    });
    sheets.push({ name: ws.name, rows });
  });
  process.stdout.write(JSON.stringify({ sheets }));
}

main().catch((e) => {
  process.stderr.write(`exceljs: ${e.stack || e}\n`);
  process.exit(1);
});
