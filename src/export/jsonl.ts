import { TextFile } from './text-file.ts';

/** One JSON object per line, keys in column order, nulls kept (so every line has every key). */
export class JsonlWriter {
  private file: TextFile;

  constructor(path: string, private columns: string[]) {
    this.file = new TextFile(path);
  }

  write(row: Record<string, unknown>): void {
    const o: Record<string, unknown> = {};
    for (const c of this.columns) o[c] = row[c] ?? null;
    this.file.write(JSON.stringify(o) + '\n');
  }

  close(): void {
    this.file.close();
  }
}
