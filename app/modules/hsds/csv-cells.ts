// CSV formula injection (OWASP): a spreadsheet runs a cell that starts with
// = + - @, a tab or a carriage return. Our exported CSVs put a ' before such a
// cell (and before a cell that already starts with ', so that taking one ' off
// again is always right); plain numbers such as -1.55 are left alone, since a
// spreadsheet reads them as numbers. The data package says so in
// datapackage.json (`signpost.csv_formula_prefix`), and only then does our
// import take the ' off (docs/hsds.md).

export const CSV_FORMULA_PREFIX = "'";
const RISKY_START = /^[=+\-@\t\r']/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string): string {
  return RISKY_START.test(value) && !PLAIN_NUMBER.test(value) ? CSV_FORMULA_PREFIX + value : value;
}

export function readCsvCell(value: string): string {
  return value.startsWith(CSV_FORMULA_PREFIX) ? value.slice(CSV_FORMULA_PREFIX.length) : value;
}
