import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { batchWriter } from '../../src/store/batch.ts';
import { tempDir } from '../helpers.ts';

const article = (i: number) => ({ id: `b${i}`, source: '测试', published: '2020-01-01', title: `标题${i}`, body: `1月${i}日，县长张三到第${i}个村调研，签约项目${i}个。` });
const count = (s: ReturnType<typeof openStore>, t: string) => (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('batchWriter', () => {
  it('commits every N articles, and a failing article rolls back alone', () => {
    const path = join(tempDir(), 'batch.db');
    const s = openStore(path);
    const batch = batchWriter(s, 3);
    for (let i = 1; i <= 4; i++) batch.run(() => ingestArticle(s, article(i)));
    // Three committed, the fourth still open: another connection sees three.
    const reader = openStore(path, { readonly: true });
    expect(count(reader, 'articles')).toBe(3);
    // A write that fails after its article row went in leaves nothing of that article.
    s.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON main.persons BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => batch.run(() => ingestArticle(s, article(5)))).toThrow(/disk full/);
    s.db.exec('DROP TRIGGER boom');
    batch.run(() => ingestArticle(s, article(6)));
    batch.flush();
    expect(count(reader, 'articles')).toBe(5);
    expect(s.db.prepare("SELECT ext_id FROM articles ORDER BY id").all().map((r) => (r as { ext_id: string }).ext_id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b6']);
    reader.close();
    s.close();
  });
});
