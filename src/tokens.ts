/** A word of a cut text. Shared by the segmenter (src/nlp/segment.ts) and the search side, which must not load jieba. */
export interface Token {
  word: string;
  /** UTF-16 offsets into the segmented text. */
  start: number;
  end: number;
}

/**
 * Index of the token covering UTF-16 offset `pos`, or -1 outside the tokens. Tokens
 * tile the text (or a stretch of it) in order, so a binary search over their starts finds it:
 * cheaper than an offset table per article when an extractor looks up only a few positions.
 */
export function tokenIndexAt(tokens: Token[], pos: number): number {
  if (!tokens.length || pos < tokens[0].start || pos >= tokens[tokens.length - 1].end) return -1;
  let lo = 0, hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
