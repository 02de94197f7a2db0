import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { Store } from '../../src/store/db.ts';
import { exportBundle, type Manifest } from '../../src/export/bundle.ts';
import { TABLES } from '../../src/export/tables.ts';
import { csvField } from '../../src/export/csv.ts';
import { ParquetTableWriter } from '../../src/export/parquet.ts';
import { workbenchStore } from '../query/fixture.ts';
import { tempDir } from '../helpers.ts';

/** An RFC 4180 reader, written here so the test does not trust the writer's own code. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const readCsv = (file: string) => {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};
const readJsonl = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const readParquet = async (file: string) => (await parquetReadObjects({ file: await asyncBufferFromFile(file) })).map((r) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v ?? null])));

let store: Store;
let dir: string;
beforeAll(() => {
  // Quotes, commas and line breaks in a title and body exercise CSV quoting.
  store = workbenchStore([{ id: 't5', source: '新郑时报', published: '2018-05-02', title: '标题含"引号",和逗号',
    body: '新郑市副市长赵刚说："好,很好。"\n\n第二段。' }]);
  dir = tempDir('newsmine-export-');
});

describe('exportBundle', () => {
  it('writes every table in csv, jsonl and parquet with the same rows, a codebook and a manifest', async () => {
    const out = join(dir, 'all');
    const res = exportBundle(store, { out, formats: ['csv', 'jsonl', 'parquet'] });
    expect(res.articles).toBe(5);
    const files = readdirSync(out).sort();
    for (const t of TABLES) for (const f of ['csv', 'jsonl', 'parquet']) expect(files).toContain(`${t.name}.${f}`);
    expect(files).toEqual(expect.arrayContaining(['codebook.csv', 'codebook.md', 'manifest.json']));
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    for (const t of TABLES) {
      const jsonl = readJsonl(join(out, `${t.name}.jsonl`));
      const csv = readCsv(join(out, `${t.name}.csv`));
      const pq = await readParquet(join(out, `${t.name}.parquet`));
      const dbRows = (store.db.prepare(`SELECT count(*) AS n FROM ${t.name === 'mentions' ? 'officials' : t.name}`).get() as { n: number }).n;
      if (t.name !== 'mentions') expect(jsonl.length, t.name).toBe(dbRows);
      expect(csv.length, t.name).toBe(jsonl.length);
      expect(pq, t.name).toEqual(jsonl);
      // CSV holds the same values as text, empty for null.
      expect(csv, t.name).toEqual(jsonl.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? '' : String(v)]))));
      if (jsonl.length) expect(Object.keys(jsonl[0]), t.name).toEqual(t.columns.map((c) => c.name));
      expect(parseCsv(readFileSync(join(out, `${t.name}.csv`), 'utf8'))[0], t.name).toEqual(t.columns.map((c) => c.name));
    }

    const articles = readJsonl(join(out, 'articles.jsonl'));
    expect(articles.find((a) => a.ext_id === 't5')?.title).toBe('标题含"引号",和逗号');
    const text = articles.find((a) => a.ext_id === 't5')!.text as string;
    expect(text).toContain('\n\n第二段。');
  });

  it('gives every extracted row its provenance, with offsets that point into articles.text', () => {
    const out = join(dir, 'prov');
    exportBundle(store, { out, formats: ['jsonl'] });
    const texts = new Map(readJsonl(join(out, 'articles.jsonl')).map((a) => [a.article_id, [...(a.text as string)]]));
    const figures = readJsonl(join(out, 'figures.jsonl'));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(texts.get(f.article_id)!.slice(f.char_start as number, f.char_end as number).join('')).toBe(f.text);
      expect(f.sentence).toContain(f.text as string);
      expect(f.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(figures.find((f) => f.text === '31.45亿元')?.period).toMatch(/^2017/);
    const officials = readJsonl(join(out, 'officials.jsonl'));
    expect(officials.filter((o) => o.name === '王明').map((o) => o.official_key).sort()).toEqual(['王明@410184', '王明@411082']);
    const titles = readJsonl(join(out, 'official_titles.jsonl'));
    // One post however it is printed, with its place and code; figures carry their place too.
    expect(titles.filter((t) => t.name === '刘建武').map((t) => [t.title, t.office, t.place, t.place_code, t.post]))
      .toEqual([['新郑市委书记', '市委书记', '新郑市', '410184', '新郑市 市委书记'], ['新郑市委书记', '市委书记', '新郑市', '410184', '新郑市 市委书记']]);
    expect(figures.find((f) => f.text === '31.45亿元')).toMatchObject({ place: '新郑市', place_code: '410184' });
    const ids = new Set(officials.map((o) => o.official_id));
    expect(titles.every((t) => ids.has(t.official_id))).toBe(true);
    const mentions = readJsonl(join(out, 'mentions.jsonl'));
    expect(mentions.filter((m) => m.kind === 'figures').map((m) => m.item_id).sort()).toEqual(figures.map((f) => f.figure_id).sort());
  });

  it('keeps ids stable across exports of one database', () => {
    exportBundle(store, { out: join(dir, 'again'), formats: ['jsonl'] });
    expect(readFileSync(join(dir, 'again', 'officials.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'prov', 'officials.jsonl'), 'utf8'));
  });

  it('documents every column in the codebook, with an example, and records the export in the manifest', () => {
    const out = join(dir, 'all');
    const codebook = readCsv(join(out, 'codebook.csv'));
    expect(codebook.length).toBe(TABLES.reduce((n, t) => n + t.columns.length, 0));
    expect(codebook.every((c) => c.meaning && c.type)).toBe(true);
    expect(codebook.find((c) => c.table === 'figures' && c.column === 'value')?.example).toMatch(/^\d/);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(m.tables.find((t) => t.name === 'articles')?.rows).toBe(5);
    expect(m.extractor_version).toMatch(/\+/);
    expect(m.dictionaries.length).toBeGreaterThan(0);
    expect(m.query).toBeNull();
    expect(Date.parse(m.created_at)).not.toBeNaN();
  });

  it('exports only the articles a query and filters select, and everything extracted from them', () => {
    const out = join(dir, 'query');
    const res = exportBundle(store, { out, query: '五星支部', from: '2018', formats: ['csv'] });
    expect(res.articles).toBe(1);
    expect(readCsv(join(out, 'articles.csv')).map((a) => a.ext_id)).toEqual(['t3']);
    expect(new Set(readCsv(join(out, 'officials.csv')).map((o) => o.article_id))).toEqual(new Set(['3']));
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(m).toMatchObject({ query: '五星支部', filters: { from: '2018', to: null, source: null }, articles: 1 });
  });

  it('starts CSV files with a byte-order mark for Excel only when asked', () => {
    exportBundle(store, { out: join(dir, 'excel'), excel: true, tables: ['articles'] });
    expect(readFileSync(join(dir, 'excel', 'articles.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(join(dir, 'all', 'articles.csv')).subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readdirSync(join(dir, 'excel')).filter((f) => !f.startsWith('codebook') && f !== 'manifest.json')).toEqual(['articles.csv']);
  });

  it('refuses bad input with one clear message and writes nothing', () => {
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    expect(() => exportBundle(store, { out: full })).toThrow(/exists and is not empty/);
    expect(readdirSync(full)).toEqual(['keep.txt']);
    expect(() => exportBundle(store, { out: join(dir, 'x1'), tables: ['articles', 'people'] })).toThrow(/unknown table "people"/);
    expect(() => exportBundle(store, { out: join(dir, 'x2'), formats: ['xlsx' as 'csv'] })).toThrow(/unknown format "xlsx"/);
    expect(() => exportBundle(store, { out: join(dir, 'x3'), from: '2018-13' })).toThrow(/not a date/);
    expect(() => exportBundle(store, { out: join(dir, 'x4'), query: '没有这个词语' })).toThrow(/no articles match/);
    for (const x of ['x1', 'x2', 'x3', 'x4']) expect(existsSync(join(dir, x))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    // An empty folder is fine.
    mkdirSync(join(dir, 'empty'));
    expect(exportBundle(store, { out: join(dir, 'empty'), tables: ['articles'] }).tables[0].rows).toBe(5);
  });
});

describe('writers', () => {
  it('quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(27430000000)).toBe('27430000000');
  });

  it('streams Parquet in row groups, readable back row for row', async () => {
    const file = join(dir, 'many.parquet');
    const w = new ParquetTableWriter(file, [
      { name: 'id', type: 'integer', meaning: '' }, { name: 'v', type: 'number', meaning: '' }, { name: 's', type: 'string', meaning: '' },
    ]);
    const n = 120_001;
    for (let i = 0; i < n; i++) w.write({ id: i, v: i / 4, s: i % 3 ? `行${i}` : null });
    w.close();
    const buf = await asyncBufferFromFile(file);
    const meta = await parquetMetadataAsync(buf);
    expect(Number(meta.num_rows)).toBe(n);
    expect(meta.row_groups.length).toBeGreaterThan(1);
    const rows = await parquetReadObjects({ file: buf, rowStart: n - 2, rowEnd: n });
    expect(rows).toEqual([{ id: BigInt(n - 2), v: (n - 2) / 4, s: `行${n - 2}` }, { id: BigInt(n - 1), v: (n - 1) / 4, s: null }]);
  });
});

describe('exportBundle on a folder it cannot write', () => {
  it('reports the system error as one line and leaves nothing', () => {
    const store = workbenchStore();
    const parent = join(tempDir('newsmine-ro-'), 'file-not-folder');
    writeFileSync(parent, 'x');
    expect(() => exportBundle(store, { out: join(parent, 'bundle'), tables: ['articles'] })).toThrow(/^(export to|--out).*/);
    store.close();
  });
});
