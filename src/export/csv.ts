import { TextFile } from './text-file.ts';

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF (or edge spaces a reader might trim). */
export function csvField(v: unknown): string {
  if (v == null) return '';
  const s = typeof v === 'string' ? v : typeof v === 'bigint' ? v.toString() : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One RFC 4180 record, CRLF-terminated. */
export const csvLine = (values: unknown[]): string => values.map(csvField).join(',') + '\r\n';

export interface CsvOptions {
  /** Starts the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8 as UTF-8. */
  excel?: boolean;
}

/** A CSV file with a header row; values in column order. */
export class CsvWriter {
  private file: TextFile;

  constructor(path: string, private columns: string[], opts: CsvOptions = {}) {
    this.file = new TextFile(path);
    this.file.write((opts.excel ? '\ufeff' : '') + csvLine(columns));
  }

  write(row: Record<string, unknown>): void {
    this.file.write(csvLine(this.columns.map((c) => row[c])));
  }

  close(): void {
    this.file.close();
  }
}
