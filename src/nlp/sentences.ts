import { SPACE } from './chars.ts';

/** A sentence of the text, with UTF-16 offsets. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// A sentence ends at 。！？；, at a newline, or at a closing quote right after one of
// those; the quote stays with its sentence so direct speech is not cut in two.
const END = /[。！？!?；;]+[”’」』]?|\n+/g;

/** Splits text into sentences, keeping offsets into the original string. Whitespace-only pieces are dropped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(END)) {
    const end = m.index! + m[0].length;
    const s = trimmed(text, start, m[0].startsWith('\n') ? m.index! : end);
    if (s) out.push(s);
    start = end;
  }
  const last = trimmed(text, start, text.length);
  if (last) out.push(last);
  return out;
}

/**
 * `text[start, end)` without its spaces at either end, or undefined when nothing is left.
 * SPACE is what trim() removes, so one slice does the work of a slice and two trims.
 */
function trimmed(text: string, start: number, end: number): Sentence | undefined {
  while (start < end && SPACE[text.charCodeAt(start)]) start++;
  while (end > start && SPACE[text.charCodeAt(end - 1)]) end--;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}

/** The sentence that contains offset `pos` (binary search; sentences are sorted). */
export function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
