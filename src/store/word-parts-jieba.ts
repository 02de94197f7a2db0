import { createRequire } from 'node:module';
import { loadJieba } from '../nlp/segment.ts';
import { partsWith, type PartsCutter, type WordPart } from './word-parts.ts';

const require = createRequire(import.meta.url);
// segment.ts exposes neither cutSmall nor a bare tag; loadJieba() has loaded the same
// native instance with the user dictionaries, so these calls see them too.
const jieba = require('nodejieba') as {
  cutSmall(text: string, maxWordLength: number): string[];
  tag(text: string): { word: string; tag: string }[];
};

/** jieba itself, loaded with the project's dictionaries: for ingest, which has loaded it anyway. */
export const JIEBA_CUTTER: PartsCutter = {
  cutSmall: (text, max) => (loadJieba(), jieba.cutSmall(text, max)),
  firstTag: (word) => (loadJieba(), jieba.tag(word)[0]?.tag),
};

/** The parts of a word (see partsWith) by jieba itself. */
export const partsOf = (word: string): WordPart[] => partsWith(JIEBA_CUTTER, word);
