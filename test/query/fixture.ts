import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import type { Article } from '../../src/types.ts';
import { tempDir } from '../helpers.ts';

/**
 * Four short articles written for these tests: one 王明 is 新郑's 副市长, another is
 * 长葛's 市委书记; “五星支部” runs in two counties; 河长制 only in 鄢陵.
 */
export const WORKBENCH_ARTICLES: Article[] = [
  { id: 't1', source: '新郑时报', published: '2017-11-02', title: '新郑市召开乡村振兴工作推进会',
    body: '11月1日，新郑市召开乡村振兴工作推进会。新郑市委书记刘建武出席会议并讲话，市委常委、组织部长马志峰主持会议。\n\n会议要求，深入推进“五星支部”创建。今年前三季度，全市完成一般公共预算收入31.45亿元。\n\n记者 杨宜锦' },
  { id: 't2', source: '新郑时报', published: '2017-12-05', title: '刘建武调研招商引资工作',
    body: '12月4日，新郑市委书记刘建武到龙湖镇调研招商引资工作，副市长王明陪同调研。\n\n刘建武强调，要持续推进“五星支部”创建，抓好招商引资。' },
  { id: 't3', source: '长葛时讯', published: '2018-03-10', title: '长葛市举行“五星支部”创建观摩会',
    body: '3月9日，长葛市举行“五星支部”创建观摩会。长葛市委书记王明出席并讲话，市长李华主持会议。\n\n全市新建党群服务中心12个。' },
  { id: 't4', source: '鄢陵时报', published: '2018-04-01', title: '鄢陵县全面推行河长制',
    body: '鄢陵县全面推行“河长制”，今年计划投资5.6亿元治理河道，清理垃圾“三千吨”。' },
];

/** A real SQLite store holding WORKBENCH_ARTICLES (ids 1–4 in order), in a temporary folder. */
export function workbenchStore(extra: Article[] = []): Store {
  const store = openStore(join(tempDir('newsmine-wb-'), 'wb.db'));
  for (const a of [...WORKBENCH_ARTICLES, ...extra]) ingestArticle(store, a);
  return store;
}

/** The path of a closed store holding WORKBENCH_ARTICLES, for tests that run the CLI on it. */
export function workbenchDbFile(): string {
  const store = workbenchStore();
  store.close();
  return store.path;
}
