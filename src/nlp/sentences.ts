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
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: start + lead, end: start + lead + body.length });
  };
  for (const m of text.matchAll(END)) {
    const end = m.index! + m[0].length;
    push(m[0].startsWith('\n') ? m.index! : end);
    start = end;
  }
  push(text.length);
  return out;
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
