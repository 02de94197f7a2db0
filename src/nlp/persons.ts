import type { Analysis, FoundByline, FoundPerson } from './analysis.ts';
import { nameModel, type NameModel } from './names.ts';
import type { Token } from './segment.ts';
import { ACCEPT, bestAt, type Candidate, CONFIDENT, DOCTRINE_AFTER, KEEP, tokenIndex } from './chinese-names.ts';
import { dottedNames, elementNames, foreignNames, japaneseNames } from './foreign-names.ts';
import { familiarNames, givenNames, repeats } from './name-repeats.ts';
import { listMembers } from './name-lists.ts';

/**
 * Chinese person names: a surname (single, compound or rare) and a given name of one
 * or two characters, scored by the character model of names.ts, by how jieba (HMM
 * on) cut the text around it, and by the words around it (titles before, 同志 and
 * speech verbs after). Bylined journalists are persons too.
 *
 * The scans live beside this file, one concern each: name-cues.ts (the words around a
 * name), chinese-names.ts (surname and given name, scored), foreign-names.ts
 * (transliterations, dotted, Tibetan, Mongolian and Japanese names), name-lists.ts
 * (members of an enumeration) and name-repeats.ts (later and shortened mentions).
 */

// Codes that start a surname, single or compound, one byte each: recogniseNames asks at
// every character, and this table takes a quarter of the cache lines of the model's scores.
let surnameFirst: Uint8Array | undefined;

function surnameFirstTable(m: NameModel): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (!Number.isNaN(m.surnameByCode[c]) || m.compoundFirst[c]) t[c] = 1;
  return t;
}

/** Every Chinese name in `text` found by the model, best first where they overlap. */
export function recogniseNames(text: string, tokens: Token[], blocked: (start: number, end: number) => boolean = () => false): FoundPerson[] {
  const m = nameModel();
  const ix = tokenIndex(text, tokens);
  const cands: Candidate[] = [];
  const first = (surnameFirst ??= surnameFirstTable(m));
  for (let i = 0; i < text.length; i++) {
    if (!first[text.charCodeAt(i)]) continue;
    const c = bestAt(m, text, i, ix, tokens);
    if (c && c.score >= KEEP) cands.push(c);
  }
  cands.push(...foreignNames(m, text, tokens));
  cands.push(...dottedNames(m, text, tokens));
  cands.push(...japaneseNames(m, text, tokens, ix));
  cands.push(...elementNames(m, text));
  cands.push(...familiarNames(m, text));
  // Names read with confidence anywhere make their other occurrences names too.
  const confident = new Set(cands.filter((c) => c.score >= CONFIDENT).map((c) => c.name));
  for (const c of cands) if (confident.has(c.name)) c.score = Math.max(c.score, CONFIDENT);
  const taken = new Uint8Array(text.length);
  const out: FoundPerson[] = [];
  for (const c of [...cands].sort((x, y) => y.score - x.score || x.start - y.start)) {
    if (c.score < ACCEPT || blocked(c.start, c.end) || DOCTRINE_AFTER.test(text.slice(c.end, c.end + 2))) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    out.push({ name: c.name, start: c.start, end: c.end });
  }
  out.push(...listMembers(m, text, out, taken, ix.boundary, blocked));
  out.push(...repeats(text, out, taken, ix, blocked));
  out.push(...givenNames(m, text, out, taken, ix, blocked));
  return out;
}


/** Every person name mentioned, one item per occurrence. */
export function findPersons(a: Analysis, bylines: FoundByline[]): FoundPerson[] {
  const inByline = (s: number, e: number) => bylines.some((b) => s < b.end && e > b.start);
  const found = recogniseNames(a.text, a.tokens, inByline);
  for (const b of bylines) found.push({ name: b.name, start: b.start, end: b.end });
  return found.sort((x, y) => x.start - y.start);
}
