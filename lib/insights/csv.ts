export type CsvValue = string | number | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection); search
// queries and comments are typed by anonymous visitors, so text cells get a leading quote. Text is
// NFKC-normalised first, so full-width ＝ ＋ － ＠ (an East Asian keyboard's, or an attacker's) are
// the ASCII signs by the time the guard looks, in every column and whatever wrote the text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value.normalize('NFKC');
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: a header row, CRLF line ends, quoted cells where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
