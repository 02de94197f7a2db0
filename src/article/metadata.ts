// Heuristics for the fields around the body: publication date, title, byline.
import { isIsoDate } from '../iso-date.ts';

/** A YYYY-MM-DD string when y/m/d make a real calendar day. */
export function isoDate(y: number | string, m: number | string, d: number | string): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : undefined;
}

const DATE_IN_TEXT = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** The first date written in `text` (2017-11-02, 2017/11/2, 2017年11月2日, 2016-10-31 09:28:27.0). */
export function dateInText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = DATE_IN_TEXT.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : undefined;
}

/**
 * Dates that URL schemes put in the path: Founder `/html/2017-11/02/`, newer Founder
 * `/202311/02/`, Hanweb `/art/2020/9/21/`, TRS `t20200921_875251`.
 */
export function dateInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const patterns: RegExp[] = [
    /\/((?:19|20)\d{2})-(\d{2})\/(\d{2})\//,
    /\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//,
    /\/((?:19|20)\d{2})(\d{2})\/(\d{2})\//,
    /[/_]t((?:19|20)\d{2})(\d{2})(\d{2})_\d+/,
    /\/((?:19|20)\d{2})[-/](\d{2})[-/](\d{2})\//,
  ];
  for (const re of patterns) {
    const m = re.exec(url);
    const d = m && isoDate(m[1], m[2], m[3]);
    if (d) return d;
  }
  return undefined;
}

/** Header lines of portal articles: `发布时间：2020-09-21 10:00 来源：…`. Copyright lines are not dates of the article. */
export function labelledDate(lines: string[]): string | undefined {
  for (const l of lines) {
    if (/版权|copyright|©|ICP/i.test(l)) continue;
    const m = /(?:发布时间|发布日期|发表时间|日期|时间|更新时间)\s*[:：]?\s*(.{0,30})/.exec(l);
    const d = m && dateInText(m[1]);
    if (d) return d;
  }
  return undefined;
}

/** `来源：新郑市人民政府` in a header line. */
export function labelledSource(lines: string[]): string | undefined {
  for (const l of lines) {
    const m = /(?:来源|稿源|信息来源)\s*[:：]\s*([^\s:：|]{2,30})/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Byline paragraphs as Chinese papers print them, at the start or end of the body:
 * `记者 王明`, `□晚报记者 张强`, `通讯员 李华 文/图`, `新郑时报 刘洁`,
 * `记者 王明 / 通讯员 李华 赵敏`. Short lines only, so a sentence that
 * mentions a reporter is not taken for a byline.
 */
const BYLINE_LINE = /^(?:[□■◇◆]\s*)?(?:(?:本报|晚报|见习|特约|首席)?记者|通讯员|实习生|(?:文|图|文\/图|摄影|作者)\s*[:：/]|\S{2,8}(?:时报|日报|晚报|时讯|报)\s)/u;
const MAX_BYLINE = 60;

export function isBylineLine(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_BYLINE && !/[。！？]/.test(t) && (BYLINE_LINE.test(t) || /\s文\/图$|\s摄$/.test(t));
}

/** The byline block: consecutive byline lines at the end of the body, else at its start. */
export function bylineOf(paragraphs: string[]): string | undefined {
  const lines = paragraphs.flatMap((p) => p.split('\n')).map((l) => l.trim()).filter(Boolean);
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= 0 && isBylineLine(lines[i]); i--) tail.unshift(lines[i]);
  if (tail.length) return tail.join(' ');
  const head: string[] = [];
  for (let i = 0; i < lines.length && isBylineLine(lines[i]); i++) head.push(lines[i]);
  if (head.length) return head.join(' ');
  // `本报讯（记者 张三 通讯员 李四）…` opens many articles.
  const m = lines.length ? /^(?:本报讯|讯)\s*[（(]([^）)]{2,40})[）)]/.exec(lines[0]) : null;
  return m ? m[1].trim() : undefined;
}

/**
 * The article title from a page `<title>` such as `标题_新郑市人民政府` or
 * `新郑时报-标题`: the longest part, since the site name is the short one.
 */
export function titleFromDocumentTitle(docTitle: string): string {
  const parts = docTitle.split(/\s*(?:_|\||｜|—|－|--| - )\s*/).map((s) => s.trim()).filter(Boolean);
  if (parts.length <= 1) return docTitle.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * A date on one of the short lines just under the title (`2021年5月8日 16:20`),
 * where article pages without labels print it. Lines further down are body
 * text, whose dates are events, not the publication.
 */
export function dateNearTitle(lines: string[], title: string): string | undefined {
  for (const l of linesAfter(lines, title).slice(0, 4)) {
    if (l.length > 80 || /版权|copyright|©/i.test(l)) continue;
    const d = dateInText(l);
    if (d) return d;
  }
  return undefined;
}

/** The page's lines after the one showing the title (none when the title is not shown). */
export function linesAfter(lines: string[], title: string): string[] {
  const at = title ? lines.findIndex((l) => l === title || (l.length < 120 && l.includes(title))) : -1;
  return at < 0 ? [] : lines.slice(at + 1);
}
