import type { Byline, DateItem, Figure, NamedItem, Official, PersonMention } from '../types.ts';
import { segment, type Token } from './segment.ts';
import { splitSentences, type Sentence } from './sentences.ts';

/**
 * What every extractor reads: the text, the publication date, and the sentences
 * and jieba tokens computed once per article (segmentation is the costly step).
 * All offsets here are UTF-16 offsets into `text`.
 */
export interface Analysis {
  text: string;
  /** YYYY-MM-DD, when known. */
  published?: string;
  sentences: Sentence[];
  tokens: Token[];
}

export function analyse(text: string, published?: string): Analysis {
  return { text, published, sentences: splitSentences(text), tokens: segment(text) };
}

/** Extractors return items without the sentence; `extract` attaches it and converts offsets. */
type Bare<T> = Omit<T, 'sentence'>;
export type FoundPerson = Bare<PersonMention>;
export type FoundByline = Bare<Byline>;
export type FoundDate = Bare<DateItem>;
export type FoundFigure = Bare<Figure>;
export type FoundName = Bare<NamedItem>;
export interface FoundOfficial extends Omit<Official, 'mentions' | 'place' | 'placeCode' | 'placeLevel' | 'posts'> {
  mentions: { start: number; end: number }[];
}
