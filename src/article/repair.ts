// Text repair shared by every input path (crawled pages, .html and .txt files):
// whitespace the page layout leaves behind, and paragraphs the e-paper layout cut in two.

/** Punctuation that may legitimately end a paragraph. A piece ending in anything else may have been cut. */
const PARAGRAPH_END = /[。！？!?…；;：:”’」』）)》\]】]$/;
/** A piece must be running prose (long, with inner punctuation) before we believe it was cut mid-sentence. */
const MIN_CUT_PIECE = 20;
const INNER_PUNCT = /[，,。、；]/;
/** Lines that begin a new paragraph on their own: list markers, bylines, 本报讯, photo credits, indents. */
const STARTS_PARAGRAPH = /^(?:[　\s]|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[□■●◆▲★]|本报讯|记者|通讯员|编辑|责任编辑|图为|图片|见习记者|特约)/u;
const CJK_OR_DIGIT_START = /^[\u3400-\u9fff0-9０-９]/u;
const CJK_OR_DIGIT_END = /[\u3400-\u9fff0-9０-９]$/u;

/**
 * One line of page text: full-width and no-break spaces become ordinary spaces,
 * runs of spaces shrink to one, the ends are trimmed. Spaces between two Chinese
 * characters are kept (bylines and headline breaks use them: `记者 王明`).
 */
export function normaliseLine(line: string): string {
  return line
    .replace(/&nbsp;?/gi, ' ')
    .replace(/[\u00a0\u3000\u2002-\u200b\ufeff\t\r]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Joins paragraphs that the e-paper layout split in the middle of a sentence or a
 * word. Seen in 郑州晚报 pages: `…在党建电子` / blank line / `沙盘观摩中，…`.
 * A piece is joined to the next when it is long running prose that stops on a
 * character (not on closing punctuation) and the next piece starts straight away
 * with a character, not with an indent, a list marker or a byline. Short lines
 * without punctuation (sub-headings, bylines) are never joined.
 */
export function joinCutParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const raw of paragraphs) {
    const p = raw.replace(/\s+$/u, '');
    if (!p.trim()) continue;
    const prev = out.length ? out[out.length - 1] : undefined;
    if (prev !== undefined && looksCut(prev) && continuesCut(p)) {
      out[out.length - 1] = prev + p.trim();
    } else {
      out.push(p);
    }
  }
  return out;
}

function looksCut(p: string): boolean {
  const t = p.trim();
  return t.length >= MIN_CUT_PIECE && INNER_PUNCT.test(t) && !PARAGRAPH_END.test(t) && CJK_OR_DIGIT_END.test(t);
}

function continuesCut(p: string): boolean {
  // An indented line is a new paragraph by the printer's own convention.
  if (/^[\u3000\u00a0 \t]/u.test(p)) return false;
  return CJK_OR_DIGIT_START.test(p) && !STARTS_PARAGRAPH.test(p);
}

/**
 * Body text from any source to the project's form: paragraphs separated by one
 * blank line, whitespace normalised, cut paragraphs joined. Single line breaks
 * inside a paragraph (a byline block: `记者 王明` / `通讯员 李华`) are kept.
 */
export function repairBody(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u3000\u00a0]*\n/);
  return repairParagraphs(blocks);
}

/**
 * Paragraphs as the page gave them (one per `<p>`, or per `<br>` line) to body
 * text. A paragraph's leading indent is looked at before it is normalised away:
 * it marks the start of a new paragraph, so an indented piece is never joined.
 */
export function repairParagraphs(paragraphs: string[]): string {
  const pieces = paragraphs
    .map((p) => ({ indented: /^[\u3000\u00a0 \t]+\S/u.test(p), text: p.split('\n').map(normaliseLine).filter(Boolean).join('\n') }))
    .filter((p) => p.text !== '')
    .map((p) => (p.indented ? `\u3000${p.text}` : p.text));
  return joinCutParagraphs(pieces).map((p) => p.replace(/^\u3000/, '')).join('\n\n');
}
