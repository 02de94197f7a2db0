// The text the synthetic corpus is recombined from: only what the project ships
// (the dev articles copied under data/sample/, and the texts written for the sample
// site). Never the seed articles nor the People's Daily benchmark.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../src/paths.ts';
import { extractText } from '../src/nlp/extract.ts';
import { articleText } from '../src/types.ts';
import { tagWords } from '../src/nlp/segment.ts';

export interface MaterialText {
  id: string;
  source?: string;
  title: string;
  paragraphs: string[];
}

export interface Material {
  texts: MaterialText[];
  /** Every paragraph's sentences, for recombination. */
  sentences: string[];
  /** Person names the extractors find in the material; each is swapped for a generated name. */
  names: string[];
  /** Newspaper names of the material (长葛时讯, 禹州时报, …). */
  sources: string[];
  /** Identifies the material, so a corpus built from other text is rebuilt. */
  hash: string;
}

const SAMPLE_ARTICLES = join(DATA_DIR, 'sample', 'articles');
const SITE_TEXTS = join(DATA_DIR, 'sample-site', 'texts-new.yaml');

const paragraphsOf = (body: string) => body.split(/\n+/).map((p) => p.replace(/¦/g, '').trim()).filter(Boolean);

export function splitIntoSentences(paragraph: string): string[] {
  return paragraph.match(/[^。！？!?]+(?:[。！？!?]+[”’」』]?|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** Common surnames, most frequent first (the generator draws from the head of the list). */
export const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const MORE_SURNAMES = '付仲姬严庞聂焦牛樊岳齐包左柳鲁葛单翟殷祝申车裴霍耿闫宁柴关倪蒲欧阳司马诸葛上官';
const hasSurname = (name: string) => SURNAMES.includes(name[0]) || MORE_SURNAMES.includes(name[0]) || MORE_SURNAMES.includes(name.slice(0, 2));

/** A false find such as 农家乐: jieba knows it as one word that is not a person's name. */
function isCommonWord(s: string): boolean {
  const t = tagWords(s);
  return t.length === 1 && !t[0].tag.startsWith('nr') && t[0].tag !== 'x';
}

let cached: Material | undefined;

/** The material, read and scanned for names once per process. */
export function loadMaterial(): Material {
  return (cached ??= readMaterial());
}

/** Identifies the material without scanning it (no jieba), to decide whether a kept corpus is current. */
export function materialHash(): string {
  return hashOf(readTexts());
}

const hashOf = (texts: MaterialText[]) => createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 16);

function readTexts(): MaterialText[] {
  const texts: MaterialText[] = [];
  if (existsSync(SAMPLE_ARTICLES)) {
    for (const f of readdirSync(SAMPLE_ARTICLES).filter((f) => f.endsWith('.json')).sort()) {
      const o = JSON.parse(readFileSync(join(SAMPLE_ARTICLES, f), 'utf8')) as { id: string; source?: string; title: string; text?: string; body?: string };
      texts.push({ id: o.id, source: o.source, title: o.title, paragraphs: paragraphsOf(o.text ?? o.body ?? '') });
    }
  }
  if (existsSync(SITE_TEXTS)) {
    const site = parseYaml(readFileSync(SITE_TEXTS, 'utf8')) as { id: string; title: string; body: string }[];
    for (const t of site) texts.push({ id: t.id, title: t.title, paragraphs: paragraphsOf(t.body) });
  }
  if (texts.length < 5) throw new Error(`too little corpus material (${texts.length} texts under data/sample and data/sample-site)`);
  return texts;
}

function readMaterial(): Material {
  const texts = readTexts();

  const names = new Set<string>();
  for (const t of texts) {
    const ex = extractText(articleText({ title: t.title, body: t.paragraphs.join('\n\n') }));
    for (const p of [...ex.persons, ...ex.officials, ...ex.bylines]) if (/^[\u4e00-\u9fff]{2,4}$/.test(p.name) && hasSurname(p.name) && !isCommonWord(p.name)) names.add(p.name);
  }
  const hash = hashOf(texts);
  return {
    texts,
    sentences: texts.flatMap((t) => t.paragraphs.flatMap(splitIntoSentences)).filter((s) => [...s].length >= 8),
    // Longest first, so a name is replaced before a shorter one inside it.
    names: [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)),
    sources: [...new Set(texts.map((t) => t.source).filter((s): s is string => !!s))].sort(),
    hash,
  };
}
