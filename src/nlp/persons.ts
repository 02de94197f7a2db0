import type { Analysis, FoundByline, FoundPerson } from './analysis.ts';
import { placeLengthAt, givenByCode, givenScore, looksTransliterated, nameModel, surnameAt, type NameModel } from './names.ts';
import type { Token } from './segment.ts';
import { COMMON, FAMOUS, NAME, PLACE, RARE, WORD, wordKind } from './lexicon.ts';
import { headAt, headEndingAt } from './titles.ts';
import { codeTable, SPACE } from './chars.ts';

/**
 * Chinese person names: a surname (single, compound or rare) and a given name of one
 * or two characters, scored by the character model of names.ts, by how jieba (HMM
 * on) cut the text around it, and by the words around it (titles before, 同志 and
 * speech verbs after). Bylined journalists are persons too.
 */

/** A candidate is kept when its score reaches this. */
const ACCEPT = 3.2;
/** A name seen with this score makes every later occurrence of it a name too. */
const CONFIDENT = 4.2;
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
const ADDRESS = new Set(['先生', '女士', '同志', '老师', '师傅', '大爷', '大妈', '大娘', '大姐', '大哥', '阿姨', '老汉', '书记', '主任', '总理', '主席', '部长', '局长', '县长', '市长', '校长', '院长', '经理', '教授', '医生', '大夫', '博士', '夫妇', '一家', '家族', '老']);
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
const PLACE_SUFFIX = codeTable('镇乡村县市区省街路州庄屯寨港湾桥');
const NAMED_AFTER = /^(?:小学|中学|大学|学校|医院|公司|集团|大道|广场|公园|故居|纪念馆|文选|两国|关系|友好)/;
const NUMBER_BEFORE = codeTable('0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几多余');
/** The candidate is a name in jieba's dictionary, cut as one word (周恩来, 钱其琛). */
const DICT_NAME = 2;
/** A rare three-character entry of jieba's dictionary, cut as one word: mostly names. */
const RARE_UNIT = 0.8;
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
const DOCTRINE_AFTER = /^(?:理论|思想|主义|式)/;
/** A title, role, list mark or clause joint right before the candidate (书记|刘建武, 、|李猛). */
const LEFT_CUE = 0.9;
/** A public title right before the candidate (局长|方向明, 副市长|关胜利): names made of words need it. */
const TITLE_CUE = 1.6;
/** A one-character given name needs less luck from its characters, but a cue after it. */
const SHORT_NAME = 0.6;
/** Candidates below this are dropped at once; between it and ACCEPT, a confident repeat may still save them. */
const KEEP = ACCEPT - 0.6;
/** Surnames frequent enough to be called by alone (老张, 小李). */
const FAMILIAR_SURNAME = 2;
/** Punctuation, a title, 同志 or a speech verb right after the candidate (刘建武|作, 苗瑞光|强调). */
const RIGHT_CUE = 1.1;

// Words that end right before a name: titles and roles (书记刘建武, 村民卢玉兰),
// list and clause joints. Longest first matters only for readability; every one is tried.
const LEFT_WORDS = [
  '书记', '市长', '县长', '区长', '乡长', '镇长', '村长', '省长', '主任', '主席', '部长', '局长', '厅长', '处长', '科长',
  '所长', '院长', '校长', '站长', '队长', '组长', '社长', '行长', '会长', '委员', '常委', '代表', '秘书长', '总理', '总统',
  '首相', '外长', '大使', '领导', '同志', '经理', '董事长', '总裁', '厂长', '主管', '干部', '成员', '记者', '通讯员',
  '村民', '居民', '农民', '群众', '工人', '大户', '师傅', '老师', '教授', '医生', '护士', '学生', '同学', '队员', '民警',
  '志愿者', '党员', '贫困户', '脱贫户', '老人', '女士', '先生', '主持人', '演员', '作家', '画家', '专家', '院士', '负责人',
  '班主任', '网格员', '指导员', '战士', '士兵', '将军', '司令员', '政委', '教练', '运动员', '选手', '冠军', '法官', '检察官',
  '律师', '厂长', '店主', '老板', '母亲', '父亲', '妻子', '丈夫', '儿子', '女儿', '孙子', '爷爷', '奶奶', '姐姐', '哥哥',
  '弟弟', '妹妹', '小伙', '姑娘', '大爷', '大妈', '阿姨', '叔叔', '会见', '接见', '看望', '慰问', '选举', '任命', '免去',
  '补选', '推选', '邀请', '陪同', '由', '向', '同', '和', '与', '及', '跟', '给', '让', '请', '把', '被', '对', '据', '是',
  '大臣', '发言人', '国王', '王储', '亲王', '女王', '大师', '总干事', '特使', '顾问', '主教', '总裁', '导演', '诗人', '哲学家',
  '科学家', '歌星', '影星', '球星', '棋手', '九段', '博士', '夫人', '领袖', '领导人', '候选人',
];
const RIGHT_WORDS = [
  '同志', '书记', '主任', '市长', '县长', '局长', '部长', '主席', '委员', '代表', '校长', '院长', '经理', '先生', '女士',
  '教授', '老师', '院士', '等', '说', '表示', '指出', '强调', '介绍', '要求', '主持', '出席', '参加', '陪同', '讲话', '认为',
  '告诉', '提出', '发表', '会见', '接见', '看望', '慰问', '带领', '带队', '深入', '调研', '检查', '视察', '考察', '察看',
  '查看', '宣读', '汇报', '作', '做', '在', '和', '与', '及', '也', '是', '的', '向', '对', '为', '就', '从', '到', '还',
  '又', '都', '已', '将', '曾', '一行', '一边', '笑', '高兴', '激动', '感慨', '坦言', '回忆', '希望', '相信', '呼吁', '代表',
  '当选', '担任', '任', '兼', '被', '把', '给', '让', '于', '今年', '现年', '家', '夫妇', '父子', '母女', '们',
  '摄', '称', '曾', '早年', '生前', '一家',
  '率领', '率队', '带着', '获得', '夺得', '荣获', '当选', '出任', '主编', '题词', '发言', '致辞', '讲述', '透露', '以',
];
// Punctuation and spaces on either side are the clearest cue of all. By code: the cue
// checks run at every candidate.
const EDGE = (() => {
  const t = codeTable('、，,。.；;：:！!？?“”"‘’\'（）()《》〈〉【】[]—…·');
  for (let c = 0; c < 0x10000; c++) if (SPACE[c]) t[c] = 1;
  return t;
})();

// 克林顿９日说: news puts the date right after the name.
const DIGIT = codeTable('0123456789０１２３４５６７８９');
const leftWords = new Set(LEFT_WORDS);
const rightWords = new Set(RIGHT_WORDS);
const MAX_CUE = 3;

// Last characters of left cue words and first characters of right ones, to skip the
// lookups at most positions.
const LEFT_LAST = codeTable(LEFT_WORDS.map((w) => w[w.length - 1]).join(''));
const RIGHT_FIRST = codeTable(RIGHT_WORDS.map((w) => w[0]).join(''));

function hasLeftCue(text: string, i: number): boolean {
  if (i === 0 || EDGE[text.charCodeAt(i - 1)]) return true;
  if (headEndingAt(text, i)) return true;
  if (!LEFT_LAST[text.charCodeAt(i - 1)]) return false;
  for (let n = 1; n <= MAX_CUE && n <= i; n++) if (leftWords.has(text.slice(i - n, i))) return true;
  return false;
}

// Roles abroad that stand before a name as a title does (工党领袖巴拉克, 国务卿奥尔布赖特).
const ROLE_BEFORE = /(?:领袖|领导人|候选人|国务卿|大臣|国王|亲王|王储)$/;

// 穆萨说, 帕蓬表示: a short transliteration followed by speech is a speaker.
const SPEECH_AFTER = /^(?:说|表示|指出|强调|认为|宣布|先生|夫人|女士|总统|一行)/;

/** A title or role word ends right before `i` (外长|利维, 总统|克林顿). */
function hasTitleBefore(text: string, i: number): boolean {
  if (headEndingAt(text, i)) return true;
  for (let n = 2; n <= MAX_CUE && n <= i; n++) if (leftWords.has(text.slice(i - n, i))) return true;
  return false;
}

function hasRightCue(text: string, e: number): boolean {
  if (e >= text.length || EDGE[text.charCodeAt(e)] || DIGIT[text.charCodeAt(e)]) return true;
  if (headAt(text, e)) return true;
  if (!RIGHT_FIRST[text.charCodeAt(e)]) return false;
  for (let n = 1; n <= MAX_CUE; n++) if (rightWords.has(text.slice(e, e + n))) return true;
  return false;
}

interface Candidate { name: string; start: number; end: number; score: number }

/** Token boundaries and the token covering each offset. */
function tokenIndex(text: string, tokens: Token[]) {
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
function bestAt(m: NameModel, text: string, i: number, ix: ReturnType<typeof tokenIndex>, tokens: Token[]): Candidate | undefined {
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
  let best: Candidate | undefined;
  let given = 0;
  let tokKind: number | undefined;
  for (let g = 1; g <= 2; g++) {
    const end = g0 + g;
    const gs = givenByCode(m, text.charCodeAt(end - 1));
    if (gs <= -10) break; // not a Chinese character: the name cannot go on
    given += gs;
    if (end - i <= placeLength) continue;
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

function hasNotGiven(m: NameModel, given: string): boolean {
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

/**
 * Transliterated names (克林顿, 拉吉夫·甘地): runs of whole jieba words written only
 * in the characters transliteration uses. A run jieba's dictionary holds as a word
 * (麦当劳, 穆斯林) or knows as a place is none; one it knows as a name is; one it
 * does not know needs a cue around it (总统, 说, a list) or the · of a full name.
 */
function foreignNames(m: NameModel, text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const letters = (w: string) => looksTransliterated(m, w) && !isDot(w);
  let k = 0;
  while (k < tokens.length) {
    // Its first character, read from the text, rules out most tokens without touching their word.
    if (!m.foreignByCode[text.charCodeAt(tokens[k].start)] || !letters(tokens[k].word)) {
      k++;
      continue;
    }
    // Names written with a dot are dottedNames' work: a run stops at the dot.
    let e = k;
    while (e + 1 < tokens.length && letters(tokens[e + 1].word)) e++;
    let start = tokens[k].start;
    const end = tokens[e].end;
    // jieba's HMM glues a preposition to the first syllable of a name it does not know
    // (据萨卡|什维利, 据布|林肯): the syllable belongs to the name.
    const prev = k > 0 ? tokens[k - 1].word : '';
    if (prev.length >= 2 && GLUED_BEFORE.test(prev[0]) && !wordKind(prev) && letters(prev.slice(1))) start = tokens[k - 1].start + 1;
    const name = text.slice(start, end);
    k = e + 1;
    const kind = wordKind(name);
    const listedPlace = placeLengthAt(m, text, start) >= end - start;
    // A public title right before and speech, an action or punctuation after make a
    // person even of a word or a place (秘书长安南在…, 总统府 has no such cue); so does
    // speech after a clause boundary (奥巴马说), unless the run is a place of the model's list.
    const titled = (headEndingAt(text, start) || ROLE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) && hasRightCue(text, end);
    const speaker = !listedPlace && hasLeftCue(text, start) && SPEECH_AFTER.test(text.slice(end, end + 2));
    const trusted = titled || speaker;
    // jieba's place tag on a rare entry (巴沙尔) is as unreliable as its other tags there.
    if (name.length < 2 || (!titled && listedPlace) || (!trusted && (kind & (PLACE | RARE)) === PLACE)) continue;
    // 乌兰察布|市: a run a place suffix follows is that place.
    if (!trusted && end < text.length && PLACE_SUFFIX[text.charCodeAt(end)]) continue;
    const known = (kind & NAME) !== 0;
    const cued = hasLeftCue(text, start) || hasRightCue(text, end);
    // Two characters (利维, 布什) need a title before them, or jieba's name tag and a cue.
    if (name.length === 2 && !trusted && !(hasTitleBefore(text, start) && !(kind & (WORD | COMMON))) && !(known && cued && !(kind & (WORD | COMMON)))) continue;
    if (!known && !trusted && kind & (WORD | COMMON)) continue;
    // A frequent word inside the run (阿|根据) makes it no name; a one-character country
    // abbreviation (埃|尔多|安) or a rare entry does not.
    let hasWord = false;
    for (let j = k - 1; j >= 0 && tokens[j].start >= start; j--) {
      const w = tokens[j].word;
      if (w.length >= 2 && wordKind(w) & COMMON) hasWord = true;
    }
    if (hasWord && !known && !trusted) continue;
    // Cued on both sides, a run of three or more letters outweighs a Chinese reading of its tail (博|雷利).
    const both = name.length >= 3 && hasLeftCue(text, start) && hasRightCue(text, end);
    if (cued) out.push({ name, start, end, score: ACCEPT + (known || trusted ? 1 : 0.3) + (both ? 1 : 0) });
  }
  return out;
}

// A middle dot as a whole token; tested on every token, so no regex.
const isDot = (w: string) => w.length === 1 && (w === '·' || w === '•' || w === '・');
const ANY_DOT = /[·•・]/;
// Prepositions and verbs jieba's HMM glues to the first syllable of an unknown name.
const GLUED_BEFORE = /[据同和与向对见了给让把被由跟及]/;
// A speech verb or particle jieba (its HMM or its dictionary) may glue to the end of a name.
const SPEECH_LAST = /^[说称等在和与的]$/;
const HAN_WORD = /^[\u4e00-\u9fff]+$/;
const NUMERAL_WORD = /^[一二三四五六七八九十〇零]+$/;
/** Longest side of a dotted name (穆罕默德, 阿旺晋美). */
const MAX_DOTTED_PART = 6;

/**
 * Whether a jieba word one step away from the dot can still be part of the name
 * (鲍里斯·尼古拉耶维奇·叶利钦): a name jieba knows, or transliteration letters that make no
 * frequent word (他同, 这是 and 先生 stop the name).
 */
function dottedPart(m: NameModel, word: string): boolean {
  if (!HAN_WORD.test(word) || NUMERAL_WORD.test(word)) return false;
  const kind = wordKind(word);
  return (kind & NAME) !== 0 || (looksTransliterated(m, word) && !(kind & (COMMON | PLACE)) && headAt(word, 0) === undefined);
}

/**
 * Names written with a middle dot (司马义·艾买提, 拉吉夫·甘地, 阿沛·阿旺晋美): Uyghur,
 * Tibetan and Western full names. The dot itself is the cue: the word touching it on
 * each side belongs to the name whatever it is (甘地 is a word too), unless a title or
 * a numeral; further words only when they look like a name (dottedPart).
 */
function dottedNames(m: NameModel, text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_DOT.test(text)) return out;
  // The word touching the dot may be anything but a title or a numeral (拉吉夫·甘地: 甘地 is a word too).
  const touching = (w: string) => HAN_WORD.test(w) && w.length <= MAX_DOTTED_PART && !NUMERAL_WORD.test(w) && headAt(w, 0) === undefined;
  const part = (w: string, next: boolean) => (next ? touching(w) : dottedPart(m, w));
  for (let k = 1; k < tokens.length - 1; k++) {
    if (!isDot(tokens[k].word)) continue;
    // 中国·郑州: two places are no name.
    const place = (w: string) => (wordKind(w) & (PLACE | RARE)) === PLACE;
    if (place(tokens[k - 1].word) && place(tokens[k + 1].word)) continue;
    let s = k, chars = 0;
    while (s > 0 && part(tokens[s - 1].word, s === k) && chars + tokens[s - 1].word.length <= MAX_DOTTED_PART) chars += tokens[--s].word.length;
    if (s === k) continue;
    let e = k;
    for (;;) {
      let j = e, len = 0;
      while (j + 1 < tokens.length && part(tokens[j + 1].word, j === e) && len + tokens[j + 1].word.length <= MAX_DOTTED_PART) len += tokens[++j].word.length;
      if (j === e) break;
      e = j;
      if (!(e + 2 < tokens.length && isDot(tokens[e + 1].word))) break;
      e++;
    }
    if (e === k || isDot(tokens[e].word)) continue;
    const start = tokens[s].start;
    let end = tokens[e].end;
    // jieba's HMM glues the verb to the last syllable of a name it does not know (拉拉|基说,
    // 拉拉基说): the syllable belongs to the name, the verb does not.
    const glued = (w: string) => HAN_WORD.test(w) && !wordKind(w) && w.length >= 2 && SPEECH_LAST.test(w.slice(-1));
    if (glued(tokens[e].word)) end--;
    else if (e + 1 < tokens.length && tokens[e + 1].word.length === 2 && glued(tokens[e + 1].word)) end = tokens[e + 1].end - 1;
    // The dot decides: the whole name wins over any part of it read as a Chinese name (司马义).
    out.push({ name: text.slice(start, end), start, end, score: ACCEPT + 10 });
    k = e;
  }
  return out;
}

/**
 * Tibetan and Mongolian names: two elements of the model's lists run together (次仁卓玛,
 * 洛桑江村, 萨仁高娃) with a cue on either side, or one element alone after a title or
 * before speech (格桑说, 旗委书记朝鲁门带队).
 */
// First characters of the Japanese family names and the name elements: the scans
// run over every token or character, and a first-character check spares most slices.
let japaneseFirst: Uint8Array | undefined;
let elementFirst: Uint8Array | undefined;
// …and their second characters: the first ones (高, 中, 小, 巴) are frequent in any text.
let japaneseSecond: Uint8Array | undefined;
let elementSecond: Uint8Array | undefined;

/** The length of the longest name element (two or three characters) at `i`, 0 for none. */
function elementAt(m: NameModel, text: string, i: number): number {
  for (let n = 3; n >= 2; n--) if (i + n <= text.length && m.elements.has(text.slice(i, i + n))) return n;
  return 0;
}

function elementNames(m: NameModel, text: string): Candidate[] {
  const out: Candidate[] = [];
  const first = (elementFirst ??= codeTable([...m.elements].map((w) => w[0]).join('')));
  const second = (elementSecond ??= codeTable([...m.elements].map((w) => w[1]).join('')));
  for (let i = 0; i + 2 <= text.length; i++) {
    if (!first[text.charCodeAt(i)] || !second[text.charCodeAt(i + 1)]) continue;
    const a = elementAt(m, text, i);
    if (!a) continue;
    const b = elementAt(m, text, i + a);
    if (b && (hasLeftCue(text, i) || hasRightCue(text, i + a + b))) {
      out.push({ name: text.slice(i, i + a + b), start: i, end: i + a + b, score: ACCEPT + 2 });
      i += a + b - 1;
    } else if (!(wordKind(text.slice(i, i + a)) & (COMMON | PLACE)) && (headEndingAt(text, i) || ADDRESSED_AFTER.test(text.slice(i + a, i + a + 2))) && hasRightCue(text, i + a)) {
      out.push({ name: text.slice(i, i + a), start: i, end: i + a, score: ACCEPT + 0.5 });
    }
  }
  return out;
}

// What may not sit in a Japanese given name: the function words that follow a name.
const NOT_JAPANESE_GIVEN = /[的了是在和与及等说将把被对从也都又还就向为]/;

/**
 * Japanese names (桥本龙太郎, 小渊惠三, 村山富市): a family name of the model's list and a
 * given name of two or three characters (one only when jieba holds the whole name as a
 * word), ending where jieba's words end and a cue follows (说, 首相, a date, punctuation).
 */
function japaneseNames(m: NameModel, text: string, tokens: Token[], ix: ReturnType<typeof tokenIndex>): Candidate[] {
  const out: Candidate[] = [];
  const first = (japaneseFirst ??= codeTable([...m.japanese].map((w) => w[0]).join('')));
  const second = (japaneseSecond ??= codeTable([...m.japanese].map((w) => w[1]).join('')));
  for (const t of tokens) {
    const i = t.start;
    if (!first[text.charCodeAt(i)] || !second[text.charCodeAt(i + 1)]) continue;
    for (let n = 3; n >= 2; n--) {
      if (!m.japanese.has(text.slice(i, i + n))) continue;
      for (let g = 3; g >= 1; g--) {
        const end = i + n + g;
        if (end > text.length || !ix.boundary[end]) continue;
        const name = text.slice(i, end);
        const given = name.slice(n);
        // 桥本首相, 小渊表示: a title or a word after the family name is no given name.
        if (!HAN_WORD.test(given) || NOT_JAPANESE_GIVEN.test(given) || headAt(given, 0) !== undefined || wordKind(given) & (WORD | COMMON)) continue;
        const kind = wordKind(name);
        if (g === 1 && !(t.end === end && kind & (NAME | RARE))) continue;
        // A frequent word of the dictionary (中山大学 is cut apart anyway) is no name.
        if (kind & (WORD | COMMON) && !(kind & (NAME | RARE))) continue;
        // A cue after it, or a title before a name jieba holds whole (首相|小渊惠三|举行).
        if (!hasRightCue(text, end) && !(headEndingAt(text, i) && t.end === end && kind & (NAME | RARE))) continue;
        out.push({ name, start: i, end, score: ACCEPT + (hasLeftCue(text, i) ? 1.5 : 1) });
        break;
      }
      // 桥本首相: the family name alone before a title, unless it is a place (中山市长).
      const family = text.slice(i, i + n);
      if (t.end === i + n && !(wordKind(family) & PLACE) && headAt(text, i + n) !== undefined) out.push({ name: family, start: i, end: i + n, score: ACCEPT + 0.5 });
    }
  }
  return out;
}

/**
 * A name read once is the same name wherever else it stands as whole words (李鹏对基辛格
 * 再次…: the cue was only at the first mention). Two-character names are left to their
 * own evidence: too many are words elsewhere.
 */
function repeats(text: string, found: FoundPerson[], taken: Uint8Array, ix: ReturnType<typeof tokenIndex>, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  const out: FoundPerson[] = [];
  for (const name of new Set(found.filter((p) => p.name.length >= 3).map((p) => p.name))) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const end = i + name.length;
      if (!ix.boundary[i] || !ix.boundary[end] || blocked(i, end)) continue;
      let free = true;
      for (let k = i; k < end; k++) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, i, end);
      out.push({ name, start: i, end });
    }
  }
  return out;
}

// Characters that make the two before 同志 a phrase, not a name (这些, 几位, 我们).
const NOT_BEFORE_TONGZHI = /[的了是在和与及等这那些位个们各每全有老新其他我你她它要]/;
// Words after a name that only people take: address and speech (鲁迅先生, 谢非同志, 王蒙说).
const ADDRESSED_AFTER = /^(?:先生|女士|同志|说|指出|表示|强调|认为)/;

// What a given name standing alone must be followed by: punctuation or a word of
// speech, address or action (建国说, 小平同志); a date after it is too weak a cue here.
function strongRightCue(text: string, e: number): boolean {
  return e < text.length && !DIGIT[text.charCodeAt(e)] && hasRightCue(text, e);
}

/**
 * Given names alone: 建国 after 王建国 earlier in the same text, and 小平同志. Feature
 * stories and speeches call people by their given name once the full name is known;
 * 同志 after two name characters that make no word is the same in speech.
 */
function givenNames(m: NameModel, text: string, found: FoundPerson[], taken: Uint8Array, ix: ReturnType<typeof tokenIndex>, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  const out: FoundPerson[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return !blocked(s, e);
  };
  const add = (start: number, end: number) => {
    taken.fill(1, start, end);
    out.push({ name: text.slice(start, end), start, end });
  };
  const givens = new Set<string>();
  const families = new Set<string>();
  for (const p of found) {
    // 安倍晋三 … 安倍说: a Japanese name is shortened to the family name.
    for (const n of [3, 2]) if (p.name.length > n && m.japanese.has(p.name.slice(0, n))) families.add(p.name.slice(0, n));
    const sur = surnameAt(m, p.name, 0);
    if (sur && p.name.length - sur.surname.length === 2 && HAN_WORD.test(p.name)) givens.add(p.name.slice(sur.surname.length));
  }
  for (const g of givens) {
    // A given name that is also a word (建国, 海燕) needs speech or punctuation after it.
    const isWord = (wordKind(g) & (WORD | COMMON | PLACE)) !== 0;
    for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) {
      if (!(ix.boundary[i] || EDGE[text.charCodeAt(i - 1)]) || !free(i, i + 2)) continue;
      const next = text.slice(i + 2, i + 4);
      const cue = EDGE[text.charCodeAt(i + 2)] || SPEECH_AFTER.test(next) || ADDRESSED_AFTER.test(next) || ADDRESS.has(next);
      if (cue || (!isWord && strongRightCue(text, i + 2))) add(i, i + 2);
    }
  }
  for (const f of families) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      if (free(i, i + f.length) && ix.boundary[i] && (ix.boundary[i + f.length] || SPEECH_AFTER.test(text.slice(i + f.length, i + f.length + 2)))) add(i, i + f.length);
    }
  }
  for (const x of text.matchAll(/同志/g)) {
    const i = x.index - 2;
    if (i < 0 || !free(i, i + 2) || !ix.boundary[i]) continue;
    // Two characters that make no frequent word and hold no function word (谢非同志, 热地同志;
    // not 广大同志, 几位同志).
    const g = text.slice(i, i + 2);
    if (!HAN_WORD.test(g) || NOT_BEFORE_TONGZHI.test(g) || wordKind(g) & (COMMON | PLACE) || !hasLeftCue(text, i)) continue;
    if (!(givenScore(m, g[0]) > 0 && givenScore(m, g[1]) > 0) && !m.surname.has(g[0]) && !(wordKind(g) & WORD)) continue;
    add(i, i + 2);
  }
  return out;
}

/**
 * 老张, 小李: a surname after 老 or 小 is how people are called among colleagues and
 * neighbours. Only frequent surnames, only with a cue on both sides, never a word
 * (小康, 老马 as in 老马识途 is caught by the cue).
 */
function familiarNames(m: NameModel, text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const x of text.matchAll(/[老小]/g)) {
    const i = x.index!;
    const s = m.surname.get(text[i + 1]);
    const pair = text.slice(i, i + 2);
    if (s === undefined || s < FAMILIAR_SURNAME || wordKind(pair) & (WORD | COMMON)) continue;
    if (hasLeftCue(text, i) && hasRightCue(text, i + 2)) out.push({ name: pair, start: i, end: i + 2, score: ACCEPT + 0.2 });
  }
  return out;
}

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

// What stands between the members of a list of names: 罗干、谢非、万里等.
// Tables by UTF-16 code: these are tested around every 、 of every article.
const ITEM_CHAR_TABLE = (() => {
  const t = codeTable('·');
  t.fill(1, 0x3400, 0x4dc0);
  t.fill(1, 0x4e00, 0xa000);
  return t;
})();
const ITEM_BEFORE_TABLE = codeTable('、，,：:（(');
const ITEM_AFTER_TABLE = codeTable('、，,。；;（(）)等和及');
const isItemChar = (text: string, i: number) => ITEM_CHAR_TABLE[text.charCodeAt(i)] === 1;
const isItemBefore = (text: string, i: number) => ITEM_BEFORE_TABLE[text.charCodeAt(i)] === 1 || SPACE[text.charCodeAt(i)] === 1;
const isItemAfter = (text: string, i: number) => ITEM_AFTER_TABLE[text.charCodeAt(i)] === 1 || SPACE[text.charCodeAt(i)] === 1;
const MAX_ITEM = 4;
// Verbs a list of people follows directly: 有, 是, 为 (还有罗干、…; 他们是王明、…).
const ITEM_AFTER_WORD = /[有是为]/;

/** The list items touching the 、 at `p`: the one before it and the one after it. */
function itemsAround(text: string, p: number, boundary: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let s = p;
  while (s > 0 && p - s < MAX_ITEM + 1 && isItemChar(text, s - 1)) s--;
  if (p - s >= 2 && p - s <= MAX_ITEM && (s === 0 || isItemBefore(text, s - 1))) out.push([s, p]);
  else {
    // The first member often follows a title or a verb with no mark (副委员长热地、, 还有罗干、):
    // the shortest item after one.
    for (let n = 2; n <= MAX_ITEM && n <= p - s; n++) {
      if (headEndingAt(text, p - n) || ITEM_AFTER_WORD.test(text[p - n - 1] ?? '')) {
        out.push([p - n, p]);
        break;
      }
    }
  }
  let e = p + 1;
  while (e < text.length && e - p - 1 < MAX_ITEM + 1 && isItemChar(text, e) && !(e - p - 1 >= 2 && isItemAfter(text, e))) e++;
  if (e - p - 1 >= 2 && e - p - 1 <= MAX_ITEM && (e === text.length || isItemAfter(text, e))) out.push([p + 1, e]);
  else {
    // The last member often runs on into its verb (于洋获得): the shortest item jieba ends.
    for (let n = 2; n <= 3 && p + 1 + n <= text.length; n++) {
      if (boundary[p + 1 + n] && isItemChar(text, p + n)) {
        out.push([p + 1, p + 1 + n]);
        break;
      }
    }
  }
  return out;
}

/**
 * Members of an enumeration whose neighbours are names are names too, even when
 * their own characters say little (万里, 谢非 are words or rare given names). A member
 * is a whole item between list marks, next to a 、, starting with a surname or with
 * a name on both sides, and no place.
 */
function listMembers(m: NameModel, text: string, found: FoundPerson[], taken: Uint8Array, boundary: Uint8Array, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  // A member needs a name found beside it.
  if (!found.length || !text.includes('、')) return [];
  const byStart = new Map(found.map((p) => [p.start, p]));
  const byEnd = new Map(found.map((p) => [p.end, p]));
  const out: FoundPerson[] = [];
  for (let round = 0; round < 2; round++) {
    for (let p = text.indexOf('、'); p >= 0; p = text.indexOf('、', p + 1)) {
      for (const [start, end] of itemsAround(text, p, boundary)) {
        let free = true;
        for (let i = start; i < end; i++) if (taken[i]) free = false;
        if (!free || blocked(start, end)) continue;
        const item = text.slice(start, end);
        const before = text[start - 1] === '、' && byEnd.has(start - 1);
        const after = text[end] === '、' && byStart.has(end + 1);
        if (!before && !after) continue;
        const sur = surnameAt(m, text, start);
        const given = sur ? item.slice(sur.surname.length) : '';
        // A surname and one or two given characters, none of them a function word (牛派之分 is none).
        const chinese = !!sur && given.length >= 1 && given.length <= 2 && !hasNotGiven(m, given);
        // 副委员长热地、司马义·艾买提: the first member right after a title needs a name after it.
        const titledFirst = after && headEndingAt(text, start);
        if (!((chinese || looksTransliterated(m, item)) || (before && after) || titledFirst)) continue;
        // An item that is also a word (万里, 谢非, 热地) counts only between two names, last
        // before 等 after one, or first after a title and before one, and never a frequent word.
        const between = before && (after || text[end] === '等');
        const kind = wordKind(item);
        if (placeLengthAt(m, text, start) >= end - start || kind & PLACE) continue;
        if (kind & WORD && !((between && chinese) || (titledFirst && !(kind & COMMON)))) continue;
        const person = { name: item, start, end };
        taken.fill(1, start, end);
        byStart.set(start, person);
        byEnd.set(end, person);
        out.push(person);
      }
    }
    // The second round reads the lists again for the members the first one found; after
    // none, it would read them exactly as the first did.
    if (!out.length) break;
  }
  return out;
}

/** Every person name mentioned, one item per occurrence. */
export function findPersons(a: Analysis, bylines: FoundByline[]): FoundPerson[] {
  const inByline = (s: number, e: number) => bylines.some((b) => s < b.end && e > b.start);
  const found = recogniseNames(a.text, a.tokens, inByline);
  for (const b of bylines) found.push({ name: b.name, start: b.start, end: b.end });
  return found.sort((x, y) => x.start - y.start);
}
