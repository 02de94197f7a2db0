import type { Token } from './segment.ts';
import { givenByCode, givenScore, placeLengthAt, surnameAt, type NameModel } from './names.ts';
import { COMMON, FAMOUS, NAME, PLACE, RARE, WORD, wordKind } from './lexicon.ts';
import { headAfterName, headAt, headEndingAt } from './titles.ts';
import { codeTable } from './chars.ts';
import { ADDRESSED_AFTER, FUNCTION_CHAR, hasLeftCue, hasRightCue, hasTitleBefore, PLACE_SUFFIX, SPEECH_LAST } from './name-cues.ts';

/**
 * Chinese person names: a surname (single, compound or rare) and a given name of one
 * or two characters, scored by the character model of names.ts, by how jieba (HMM
 * on) cut the text around it, and by the words around it (titles before, 同志 and
 * speech verbs after). Bylined journalists are persons too.
 */

/** A candidate is kept when its score reaches this. */
export const ACCEPT = 3.2;
/** A name seen with this score makes every later occurrence of it a name too. */
export const CONFIDENT = 4.2;
/** jieba cut the candidate as one word: it is in jieba's name list or HMM joined it. */
const WHOLE_TOKEN = 1.2;
/** The candidate starts or ends inside a jieba word that is an everyday word (高|度重视). */
const CUT_INSIDE = -2.5;
/** …inside a word jieba's HMM made up, which often glues a name to its verb (苗瑞光强|调). */
const CUT_INSIDE_UNKNOWN = -0.5;
/** The two characters are an everyday word or a place (安全, 公开, 禹州), not a name. */
const COMMON_WORD = -3;
/** A word of jieba's dictionary that is not tagged as a name (祝贺, 董事长). */
const DICT_WORD = -2;
/** A two-character word jieba tags as a name, with a title beside it (乔石委员长). */
const TITLED_SHORT_NAME = 0.4;
/** Surname and first given character make a word (农家乐, 项目中). */
const COMMON_PREFIX = -2.5;
/** The given name is an everyday word (黄瓜 after 黄, 国家 after 王). */
const COMMON_GIVEN = -1.2;
/** Forms of address and roles after a surname (孙先生, 王书记): no full name. */
export const ADDRESS = new Set(['先生', '女士', '同志', '老师', '师傅', '大爷', '大妈', '大娘', '大姐', '大哥', '阿姨', '老汉', '书记', '主任', '总理', '主席', '部长', '局长', '县长', '市长', '校长', '院长', '经理', '教授', '医生', '大夫', '博士', '夫妇', '一家', '家族', '老']);
// 我曾…, 他应…: after a pronoun, a surname character is a word.
const PRONOUN_BEFORE = codeTable('我你他她它咱');
const AFTER_PRONOUN = -1.5;
// 官兵和, 智慧和: a last character that joins two nouns.
const CONJUNCTION_END = /[和与及同跟]$/;
const CONJUNCTION_FINAL = -1.2;
/** …or a rarer word of the dictionary (贺信中, 贺电中). */
const DICT_PREFIX = -1.5;
/** 和李鹏, 向王明: an ambiguous surname character before a frequent surname is a preposition. */
const AMBIGUOUS_BEFORE_NAME = -1.5;
/** 甘江河, 石漫滩: rivers, lakes and shoals, rarely the end of a given name. */
const WATER_END = /[河湖滩泊渠塘坝城]$/;
const WATER_PLACE = -2;
// jieba tags many place names nr (张家口, 罗布泊, 秦皇岛): a geographic last character
// denies them the bonus of a dictionary name.
const GEO_END = /[口泊山岛湖嘴峡河江湾港庄岭关桥坡沟寺庙塔堡]$/;
/** Last characters that make a noun of a kind, a people or a building (安全性, 南方人, 宿舍楼, 步兵营). */
const WORD_SUFFIX = /[人性者军派法感式楼堂站卡茶菜营制官经砂虎墙宫殿]$/;
/** A number before the "surname" makes it a measure (300余吨, 36.5万元). */
const AFTER_NUMBER = -4;
/** A place suffix after the candidate (薛湖镇, 浦江县) makes it a place name. */
const BEFORE_PLACE_SUFFIX = -2.5;
/** 张家口, 石家庄, 王家湾: villages named after a family. */
const VILLAGE_LIKE = /^.家[口庄屯湾沟营寨堡岭坪]$/;
const NAMED_AFTER = /^(?:小学|中学|大学|学校|医院|公司|集团|大道|广场|公园|故居|纪念馆|文选|两国|关系|友好)/;
const NUMBER_BEFORE = codeTable('0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几多余');
/** The candidate is a name in jieba's dictionary, cut as one word (周恩来, 钱其琛). */
const DICT_NAME = 2;
/** A rare three-character entry of jieba's dictionary, cut as one word: mostly names. */
const RARE_UNIT = 0.8;
/** The score name-model.txt gives the characters it bars from given names ([notgiven]). */
const BARRED_GIVEN = -4;
/** …and what such a character scores inside a whole HMM word before a title (赵革|书记). */
const UNLIKELY_GIVEN = -0.9;
/** The weight of the most frequent surnames (王, 李, 张 …) in name-model.txt. */
const TOP_SURNAME = 2.2;
/** The candidate is (the start of) a place, or a surname with a form of address. */
const IN_PLACE = -4;
/** Surnames scored below this are everyday words as well (高, 于, 和, 向). */
const AMBIGUOUS_BELOW = 1;
/** 和发展, 向全国: an ambiguous surname before an everyday word is a word itself. */
const AMBIGUOUS_BEFORE_WORD = -2;
/** 高达, 文明: an ambiguous surname with one given character is usually a word. */
const AMBIGUOUS_SHORT = -1.2;
// 邓小平理论, 马克思主义: a doctrine named after a person is not a mention of them.
export const DOCTRINE_AFTER = /^(?:理论|思想|主义|式)/;
/** A title, role, list mark or clause joint right before the candidate (书记|刘建武, 、|李猛). */
const LEFT_CUE = 0.9;
/** A public title right before the candidate (局长|方向明, 副市长|关胜利): names made of words need it. */
const TITLE_CUE = 1.6;
/** A one-character given name needs less luck from its characters, but a cue after it. */
const SHORT_NAME = 0.6;
/** Candidates below this are dropped at once; between it and ACCEPT, a confident repeat may still save them. */
export const KEEP = ACCEPT - 0.6;
/** Surnames frequent enough to be called by alone (老张, 小李). */
export const FAMILIAR_SURNAME = 2;
/** Punctuation, a title, 同志 or a speech verb right after the candidate (刘建武|作, 苗瑞光|强调). */
const RIGHT_CUE = 1.1;

export interface Candidate { name: string; start: number; end: number; score: number }

/** Token boundaries and the token covering each offset. */
export type TokenIndex = ReturnType<typeof tokenIndex>;

export function tokenIndex(text: string, tokens: Token[]) {
  const boundary = new Uint8Array(text.length + 1);
  const tokenAt = new Int32Array(text.length);
  // A plain loop: a callback per token costs more than the few writes it makes.
  for (let k = 0; k < tokens.length; k++) {
    const { start, end } = tokens[k];
    boundary[start] = 1;
    for (let i = start; i < end; i++) tokenAt[i] = k;
  }
  boundary[text.length] = 1;
  // The penalty for cutting into token k, looked up once per token.
  const cutCache = new Float32Array(tokens.length).fill(NaN);
  const cut = (k: number) => (Number.isNaN(cutCache[k]) ? (cutCache[k] = cutPenalty(tokens[k])) : cutCache[k]);
  return { boundary, tokenAt, cut };
}

function cutPenalty(tok: Token): number {
  return wordKind(tok.word) & (WORD | NAME | RARE) ? CUT_INSIDE : CUT_INSIDE_UNKNOWN;
}

/** The best-scoring name starting at `i`, or undefined when no surname starts there. */
export function bestAt(m: NameModel, text: string, i: number, ix: TokenIndex, tokens: Token[]): Candidate | undefined {
  const sur = surnameAt(m, text, i);
  if (!sur) return undefined;
  const tok = tokens[ix.tokenAt[i]];
  // Most surname characters in running text start no name (提高, 王洼村): each length
  // is first bounded from above with the cheap facts (character scores, token
  // boundaries), and only a candidate that could still pass pays for the lookups.
  const cutLeft = ix.boundary[i] ? 0 : ix.cut(ix.tokenAt[i]);
  // Inside an everyday word (提|高, 国|王) no name starts; this is most surname characters.
  if (cutLeft <= CUT_INSIDE) return undefined;
  const placeLength = placeLengthAt(m, text, i);
  const left = cutLeft
    + (headEndingAt(text, i) ? TITLE_CUE : hasLeftCue(text, i) ? LEFT_CUE : 0)
    + (i > 0 && NUMBER_BEFORE[text.charCodeAt(i - 1)] ? AFTER_NUMBER : 0)
    + (i > 0 && PRONOUN_BEFORE[text.charCodeAt(i - 1)] ? AFTER_PRONOUN : 0);
  const g0 = i + sur.surname.length;
  // A surname only the complete table lists (弓, 第五) is mostly an everyday word (和, 过, 东方):
  // it starts a name only right after a title or before one (统战部部长|第五春燕, 弓建国|副县长).
  const rare = sur.score < AMBIGUOUS_BELOW && m.rare.has(sur.surname);
  const titledBefore = rare && headEndingAt(text, i);
  let best: Candidate | undefined;
  let given = 0;
  let tokKind: number | undefined;
  for (let g = 1; g <= 2; g++) {
    const end = g0 + g;
    let gs = givenByCode(m, text.charCodeAt(end - 1));
    if (gs <= -10) break; // not a Chinese character: the name cannot go on
    // 赵革书记: a character the model bars from given names (革, 理, 创) is one all the same
    // when jieba's HMM cut it with a frequent surname into a word it does not know and a
    // title that only follows a name comes next. Rare: the check runs on barred characters only.
    if (gs <= BARRED_GIVEN && sur.score >= TOP_SURNAME && tok.start === i && tok.end === end && !wordKind(tok.word) && headAfterName(text, end) && !FUNCTION_CHAR.test(text[end - 1])) gs = UNLIKELY_GIVEN;
    given += gs;
    if (end - i <= placeLength) continue;
    if (rare && !titledBefore && !headAfterName(text, end)) continue;
    const isToken = tok.start === i && tok.end === end;
    let score = sur.score + given + left;
    // A single-character given name carries less evidence than two characters.
    if (g === 1) score += sur.score < AMBIGUOUS_BELOW ? SHORT_NAME + AMBIGUOUS_SHORT : SHORT_NAME;
    if (score + RIGHT_CUE + (isToken ? DICT_NAME : 0) < KEEP || (best && score + RIGHT_CUE + DICT_NAME <= best.score)) continue;
    const rightCue = hasRightCue(text, end);
    // 孟庆|华为|河阳: jieba glued the last character to a word after it; when what is
    // left of that word is a cue (为, 在, 说), the cut is no evidence against the name.
    // But a candidate that is the start of one dictionary word (党和国|家) is inside that
    // word, unless the rest is a verb or particle jieba's dictionary glued on (赖斯|说).
    if (!ix.boundary[end]) {
      const inside = tok.start === i && tok.end > end && !SPEECH_LAST.test(text.slice(end, tok.end));
      const tail = tokens[ix.tokenAt[end - 1]];
      // 王立|群作|报告: jieba's HMM guessed a word of the last given character and the verb after
      // it; the rest of the name is a whole token as much as 王立 is.
      if (rightCue && g === 2 && tail.start === end - 1 && !wordKind(tail.word)) score += WHOLE_TOKEN;
      else score += rightCue && !inside ? CUT_INSIDE_UNKNOWN : ix.cut(ix.tokenAt[end - 1]);
    }
    if (rightCue) score += RIGHT_CUE;
    // 曹馨|仪（女）: a short name running on into more characters is likely cut short.
    else if (g === 1) score -= SHORT_NAME;
    if (end < text.length && PLACE_SUFFIX[text.charCodeAt(end)]) score += BEFORE_PLACE_SUFFIX;
    // 曲山小学, 邓小平故居, 韩中两国: a school, firm or memorial named after the characters,
    // or two countries' abbreviations, is no mention of a person.
    if (NAMED_AFTER.test(text.slice(end, end + 3))) score += BEFORE_PLACE_SUFFIX;
    // The dictionaries can add only when jieba cut the candidate as one word.
    if (score + (isToken ? DICT_NAME : 0) < KEEP) continue;
    const titled = g === 1 && sur.surname.length === 1 && (headAt(text, end) !== undefined || hasTitleBefore(text, i) || ADDRESSED_AFTER.test(text.slice(end, end + 2)));
    score += wordEvidence(m, text.slice(i, end), sur, isToken, titled);
    // 韩国金, 张家口: the characters start a place jieba knows.
    if (tok.start === i && tok.end >= end && (tokKind ??= wordKind(tok.word)) & PLACE) score += IN_PLACE;
    if (!best || score > best.score) best = { name: text.slice(i, end), start: i, end, score };
  }
  return best;
}

export function hasNotGiven(m: NameModel, given: string): boolean {
  for (let k = 0; k < given.length; k++) if (m.notGiven.has(given[k])) return true;
  return false;
}

/** What the dictionaries say about a candidate `name` (surname + given name). */
function wordEvidence(m: NameModel, name: string, sur: { surname: string; score: number }, isToken: boolean, titled: boolean): number {
  const given = name.slice(sur.surname.length);
  let score = 0;
  // jieba's nr tag on two characters is no evidence (祝贺, 温馨 carry it), so a
  // two-character dictionary word counts as a word whatever its tag. A word jieba
  // cut out that its dictionary lacks is an HMM guess, often a name.
  const kind = wordKind(name);
  // jieba tags some frequent words nr (安全性, 东方人, 宿舍楼): a frequent word and a noun suffix make no name.
  const suffixWord = name.length === 3 && WORD_SUFFIX.test(name) && (wordKind(name.slice(0, 2)) & COMMON) !== 0;
  if (name.length === 2 && kind & PLACE) score += IN_PLACE;
  // A frequent word jieba tags as a name is a famous name (鲁迅先生) only with a title,
  // an address or speech beside it; otherwise a word (文明, 卫星).
  else if (name.length === 2 && kind & COMMON) score += kind & NAME && titled ? TITLED_SHORT_NAME : COMMON_WORD;
  // jieba lists some famous names as plain words (周恩来 as a time word): a frequent
  // surname with two name characters outweighs half of that.
  else if (kind & WORD) score += name.length === 3 && sur.score >= TOP_SURNAME && givenScore(m, given[0]) >= 0.5 && givenScore(m, given[1]) >= 0.5 ? DICT_WORD / 2 : DICT_WORD;
  // …unless a title stands right beside it (乔石委员长, 总理李鹏): then the tag is right.
  else if (name.length === 2 && kind & NAME) score += titled ? TITLED_SHORT_NAME : DICT_WORD;
  else if (isToken && kind & FAMOUS && !GEO_END.test(name) && !suffixWord) score += DICT_NAME;
  else if (isToken && kind & RARE) score += RARE_UNIT;
  else if (isToken && !(kind & NAME) && !hasNotGiven(m, given)) score += WHOLE_TOKEN;
  // 孙先生, 王女士: a surname with a form of address is no full name.
  if (ADDRESS.has(given)) score += IN_PLACE;
  // 官兵和, 智慧和: the last character joins two nouns.
  if (name.length === 3 && CONJUNCTION_END.test(name)) score += CONJUNCTION_FINAL;
  // 黄瓜, 王国家: a given name that is an everyday word.
  const givenKind = given.length === 2 ? wordKind(given) : 0;
  if (givenKind & COMMON) score += COMMON_GIVEN;
  if (name.length === 3 && VILLAGE_LIKE.test(name)) score += IN_PLACE;
  if (name.length === 3 && WATER_END.test(name)) score += WATER_PLACE;
  // A name jieba holds as one unit (李铁映) is not weakened by the word its first two characters make (李铁).
  const knownUnit = isToken && (kind & (FAMOUS | RARE)) !== 0 && !suffixWord;
  if (name.length === 3 && sur.surname.length === 1 && !knownUnit) {
    const headKind = wordKind(name.slice(0, 2));
    if (headKind & COMMON) score += COMMON_PREFIX;
    else if (headKind & (WORD | NAME)) score += DICT_PREFIX;
  }
  if (sur.score < AMBIGUOUS_BELOW) {
    // 和发展, 向全国: a surname that is also a word, before a word, is that word.
    if (givenKind & COMMON) score += AMBIGUOUS_BEFORE_WORD;
    // 和李鹏, 向王明: a conjunction or preposition before a name.
    if ((m.surname.get(given[0]) ?? 0) >= 2) score += AMBIGUOUS_BEFORE_NAME;
  }
  return score;
}
