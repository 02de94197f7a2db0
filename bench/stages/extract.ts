// (3) Extraction alone (analysis and every extractor, no store) against jieba's raw
// cut of the same texts. The two alternate block by block, so a burst of load from
// another process on the shared machine falls on both sides alike.
import { createRequire } from 'node:module';
import { loadJieba } from '../../src/nlp/segment.ts';
import { analyse } from '../../src/nlp/analysis.ts';
import { extractText } from '../../src/nlp/extract.ts';
import { articleText } from '../../src/types.ts';
import { readCorpus } from '../corpus.ts';
import { nowMs, progress, round, type Stage } from '../measure.ts';

const jieba = createRequire(import.meta.url)('nodejieba') as { cut(text: string, hmm?: boolean): string[] };

export interface ExtractArgs { corpus: string; sample: number }

const BLOCK = 50;

export const stage: Stage<ExtractArgs> = {
  async run({ corpus, sample }) {
    const texts: { text: string; published?: string }[] = [];
    for await (const a of readCorpus(corpus, sample)) texts.push({ text: articleText(a), published: a.published });
    loadJieba();
    // Warm-up: the JIT and every extractor's lazily built tables.
    for (const t of texts.slice(0, 20)) extractText(t.text, t.published);

    const time = { cut: 0, analyse: 0, extract: 0 };
    let chars = 0;
    const tick = progress('extract');
    for (let i = 0; i < texts.length; i += BLOCK) {
      const block = texts.slice(i, i + BLOCK);
      let t = nowMs();
      for (const x of block) jieba.cut(x.text, true);
      time.cut += nowMs() - t;
      t = nowMs();
      for (const x of block) analyse(x.text, x.published);
      time.analyse += nowMs() - t;
      t = nowMs();
      for (const x of block) extractText(x.text, x.published);
      time.extract += nowMs() - t;
      for (const x of block) chars += x.text.length;
      tick(i + block.length, texts.length);
    }
    const cps = (ms: number) => chars / (ms / 1000);
    return {
      available: true,
      metrics: {
        articles: texts.length, chars,
        cutCharsPerSec: round(cps(time.cut)),
        analyseCharsPerSec: round(cps(time.analyse)),
        extractCharsPerSec: round(cps(time.extract)),
        ratioToCut: round(time.cut / time.extract),
        // Share of extraction time spent in the extractors proper (after segmentation and sentences).
        extractorsShare: round((time.extract - time.analyse) / time.extract),
        msPerArticle: round(time.extract / texts.length),
      },
    };
  },
};
