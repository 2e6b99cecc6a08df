/**
 * A small RFC 4180 CSV reader: comma-separated fields, records ended by CRLF (LF or CR alone
 * accepted too), fields in double quotes may hold commas, line breaks and `""` for a quote.
 * A quote inside an unquoted field is kept as a character (as spreadsheets do). Throws
 * {@link CsvSyntaxError} for a quoted field that never closes or is followed by anything but
 * a comma or a line break.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4180#section-2
 */

export class CsvSyntaxError extends Error {
  constructor(readonly offset: number) {
    super(`CSV syntax error at offset ${offset}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Most records read from one file; a larger file is not a backup of authenticator accounts. */
const MAX_CSV_RECORDS = 100_000;

/**
 * Parses CSV text into records of fields. A final line break does not make an empty record;
 * blank lines in the middle give `['']`.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** The current field was quoted: a closed `"…"` may be followed only by a separator. */
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    if (records.length > MAX_CSV_RECORDS) throw new CsvSyntaxError(i);
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '' && !quoted) {
      const start = i;
      i += 1;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(start);
        const c = text[i];
        i += 1;
        if (c !== '"') field += c;
        else if (text[i] === '"') {
          field += '"';
          i += 1;
        } else break;
      }
      quoted = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(i);
      }
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}
