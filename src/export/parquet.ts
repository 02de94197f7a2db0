import { existsSync } from 'node:fs';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { ColumnSpec } from './tables.ts';
import { VERSION } from '../version.ts';

/** A row group closes at this many rows or about this many bytes of strings, whichever comes first. */
const GROUP_ROWS = 50_000;
const GROUP_BYTES = 16 << 20;

// hyparquet-writer bundles its own hyparquet; take the schema type from the writer itself.
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

function schemaOf(columns: ColumnSpec[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => c.type === 'integer'
      ? { name: c.name, type: 'INT64', repetition_type: 'OPTIONAL' }
      : c.type === 'number'
        ? { name: c.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' }
        : { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }),
  ];
}

/**
 * A Parquet file written row group by row group (hyparquet-writer's ParquetWriter on a
 * buffered file writer), so memory holds one group however many rows stream through.
 */
export class ParquetTableWriter {
  private writer: ParquetWriter;
  private batch: Record<string, unknown>[] = [];
  private bytes = 0;

  constructor(path: string, private columns: ColumnSpec[]) {
    if (existsSync(path)) throw new Error(`${path} exists`);
    this.writer = new ParquetWriter({ writer: fileWriter(path), schema: schemaOf(columns), createdBy: `newsmine ${VERSION} (hyparquet-writer)` });
  }

  write(row: Record<string, unknown>): void {
    this.batch.push(row);
    for (const c of this.columns) {
      const v = row[c.name];
      if (typeof v === 'string') this.bytes += v.length * 3;
    }
    if (this.batch.length >= GROUP_ROWS || this.bytes >= GROUP_BYTES) this.flush();
  }

  private flush(): void {
    if (!this.batch.length) return;
    const rows = this.batch;
    const columnData = this.columns.map((c) => ({
      name: c.name,
      data: rows.map((r) => {
        const v = r[c.name];
        if (v == null) return null;
        if (c.type === 'integer') return BigInt(v as number);
        if (c.type === 'number') return Number(v);
        return String(v);
      }),
    }));
    this.writer.write({ columnData, rowGroupSize: rows.length });
    this.batch = [];
    this.bytes = 0;
  }

  close(): void {
    this.flush();
    this.writer.finish();
  }
}
