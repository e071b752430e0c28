// Parses a GIFT file with gift-pegjs and prints the questions as JSON.
// Usage: node gift.js FILE
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (e) {
  const loc = e.location ? ` at line ${e.location.start.line} column ${e.location.start.column}` : "";
  process.stderr.write(`gift-pegjs: ${e.message}${loc}\n`);
  process.exit(1);
}
