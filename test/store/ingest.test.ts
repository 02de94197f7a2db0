import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { getArticle } from '../../src/store/articles.ts';
import { MIGRATIONS } from '../../src/store/schema.ts';
import { tempDir } from '../helpers.ts';

const dir = tempDir();
const article = { id: 'x1', source: '新郑时报', published: '2017-11-02', title: '新郑市召开会议', body: '11月1日，新郑市委书记刘建武出席会议并讲话。全市签约项目12个，总投资56亿元。\n\n记者 杨宜锦' };
const count = (db: ReturnType<typeof openStore>['db'], t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('ingestArticle', () => {
  it('creates the schema at the latest version, in WAL mode', () => {
    const s = openStore(join(dir, 'schema.db'));
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.close();
  });

  it('is idempotent: same article twice is unchanged, edited text updates in place', () => {
    const s = openStore(join(dir, 'idem.db'));
    const first = ingestArticle(s, article);
    expect(first.status).toBe('new');
    const rowsBefore = ['persons', 'figures', 'dates', 'bylines'].map((t) => count(s.db, t));
    expect(ingestArticle(s, article)).toEqual({ id: first.id, status: 'unchanged' });
    const edited = { ...article, body: article.body.replace('12个', '15个') };
    expect(ingestArticle(s, edited)).toEqual({ id: first.id, status: 'updated' });
    expect(count(s.db, 'articles')).toBe(1);
    expect(['persons', 'figures', 'dates', 'bylines'].map((t) => count(s.db, t))).toEqual(rowsBefore);
    s.close();
  });

  it('identifies articles by url, and by content when there is no url or id', () => {
    const s = openStore(join(dir, 'url.db'));
    const a = { ...article, id: undefined, url: 'http://example.test/a.htm' };
    expect(ingestArticle(s, a).status).toBe('new');
    expect(ingestArticle(s, { ...a, title: '改了标题' }).status).toBe('updated');
    const b = { ...article, id: undefined, source: undefined };
    expect(ingestArticle(s, b).status).toBe('new');
    expect(ingestArticle(s, b).status).toBe('unchanged');
    expect(count(s.db, 'articles')).toBe(2);
    s.close();
  });

  it('keeps provenance: offsets into articles.text give back each item', () => {
    const s = openStore(join(dir, 'prov.db'));
    const { id } = ingestArticle(s, article);
    const got = getArticle(s, id)!;
    const text = [...got.article.text];
    for (const kind of ['persons', 'dates', 'figures', 'bylines', 'initiatives', 'orgs'] as const) {
      for (const r of got[kind]) {
        const piece = text.slice(r.char_start as number, r.char_end as number).join('');
        expect(piece.length).toBeGreaterThan(0);
        expect(r.sentence as string).toContain(piece);
      }
    }
    s.close();
  });

  it('writes an article in one transaction: a failure leaves nothing behind', () => {
    const s = openStore(join(dir, 'tx.db'));
    // Triggers that fail the first extracted row stand in for a disk or constraint error
    // mid-write, after the article row itself went in.
    for (const t of ['officials', 'persons', 'bylines', 'dates', 'figures', 'initiatives', 'documents', 'orgs']) {
      s.db.exec(`CREATE TRIGGER boom_${t} BEFORE INSERT ON ${t} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    }
    expect(() => ingestArticle(s, article)).toThrow(/disk full/);
    for (const t of ['articles', 'persons', 'dates', 'figures']) expect(count(s.db, t)).toBe(0);
    expect((s.db.prepare('SELECT count(*) AS n FROM fts_chars').get() as { n: number }).n).toBe(0);
    s.close();
  });
});

describe('schema upgrades', () => {
  it('a read-only open of an older database upgrades it first, keeping its rows', () => {
    const path = join(dir, 'old.db');
    const s = openStore(path);
    ingestArticle(s, article);
    // Roll the file back to schema 2, as an older newsmine left it: no search-page index (3),
    // no places (4), no compounds by their parts (5).
    s.db.exec('DROP INDEX articles_page; DROP INDEX officials_place; DROP INDEX figures_place; DROP TABLE word_parts; DROP TABLE word_parts_state');
    for (const [t, cols] of Object.entries({ officials: ['place', 'place_code', 'place_level'], official_titles: ['office', 'place', 'place_code', 'place_level'], figures: ['place', 'place_code'], initiatives: ['place', 'place_code'], orgs: ['place', 'place_code'] })) {
      for (const c of cols) s.db.exec(`ALTER TABLE ${t} DROP COLUMN ${c}`);
    }
    s.db.pragma('user_version = 2');
    s.close();
    const r = openStore(path, { readonly: true });
    expect(r.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(count(r.db, 'articles')).toBe(1);
    r.close();
  });
});
