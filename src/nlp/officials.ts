import type { Analysis, FoundByline, FoundOfficial, FoundPerson } from './analysis.ts';
import { tokenIndexAt, type Token } from './segment.ts';
import { headAfterName, headAtEnd, isPrivateRole } from './titles.ts';
import { NAME, PLACE, VERB, wordKind } from './lexicon.ts';

/**
 * Officials: persons the article gives a public title, with every title in order.
 * Titles come from four places, each a habit of Chinese news writing:
 * - in front of the name, stacked with 、 (市委常委、组织部长黄卫东);
 * - shared by a list of names (县领导方国华、楼建军、张晨阳);
 * - after the name (吕振华书记; 同志 is an honorific, not a title);
 * - an appointment (任命刘振宇同志为鄢陵县人民政府副县长, 免去孙海同志的…职务).
 * Every later mention of the same full name is the same person.
 */

// Where a title's organisation prefix stops on its left: words that begin a clause or
// link it (会议由|新郑市政府党组成员, 据|姚家村党支部书记), verbs that take a person.
const STOP_WORDS = new Set(`由 在 和 与 及 同 跟 对 向 是 为 了 的 有 把 被 让 请 给 据 经 等 并 还 也 都 将 就 又 即 从 到 当 以及 其中
会议 会上 会后 会前 会中 今天 昨天 昨日 今日 近日 日前 上午 下午 晚上 当天 期间 时 后 前 上 中 里 内 外 一行 带队 陪同 邀请 会见
看望 慰问 带领 率 率领 听取 宣读 主持 出席 参加 列席 指导 介绍 表示 指出 强调 要求 认为 说 告诉 随后 同时 此外 另外 观摩 调研
察看 视察 检查 督导 其 该 此 由于 通过 按照 根据 作为 担任 兼任 任 分别 以及 还有 以及 就是 先后 作 进行 开展 召开 举行 代表`.split(/\s+/).filter(Boolean));
// Marks a title never runs across.
const HARD_STOP = /[\s，,。；;：:！!？?“”"‘’（）()《》【】\[\]…—]/;
/** Longest organisation prefix kept in front of a head word (汝州市第一人民医院党委书记). */
const MAX_TITLE = 24;
// Words that join names into a list sharing one title.
const LIST_JOINT = /^(?:、|和|及|与|以及)$/;
const APPOINT = /(?:任命|选举|补选|推选|提名|聘任|决定任命|当选为?)$/;
// 等 then a collective title: 等市领导, 等县领导, 等镇领导班子成员.
const COLLECTIVE_AFTER = /^等([\u4e00-\u9fff]{1,8}?领导(?:班子成员)?)/;
// Where an appointed post ends; stacked posts (县委常委、组织部部长) are split at 、 after.
const TITLE_END = /[，,。；;\n（(》]|的(?:决定|通知|批复|请示|议案)|职务|职|$/;
/** 张三同志任县委副书记: 任 and the post (not 任务, 任职, 任期). */
const DECIDED = /^任(?![务职期何意])/;
/** A profile opens with the name, then sex: 钟声，男，… or 管小红（女，…）. */
const PROFILE_AFTER = /^[，,（(]\s*[男女][，,）)]/;
/** The posts a profile gives: 现任…, 拟任… (up to the next comma or bracket). */
const PROFILE_POST = /(?:现任|拟任|拟提名为|拟推荐为)([^，,。；;（(\n]+)/g;

interface Mention { name: string; start: number; end: number }

// 这位年近七旬的…, 这名…的: a phrase that points back to a person and ends where the posts begin.
const POINTED_BACK = /(?:这位|这名)[^，,。；;！!？?、\n]{0,12}?的/g;
const CLAUSE_END = /[，,。；;！!？?\n]/;
const SENTENCE_END = /[。！!？?\n]/;

/** The last mention ending before `i` in the same sentence, or undefined. */
function lastMentionBefore(mentions: Mention[], text: string, i: number): Mention | undefined {
  let last: Mention | undefined;
  for (const m of mentions) if (m.end <= i) last = m;
  return last && !SENTENCE_END.test(text.slice(last.end, i)) ? last : undefined;
}

// Prepositions and verbs jieba's HMM glues to the first character of a place it does not
// know (据沟|东村): never the first character of a title.
const GLUED_LEFT = /[据由在对向和与把被让给从经将]/;
const MEASURE = /[名位个]/;
const COUNT_END = /[\d０-９一二三四五六七八九十两几多余]/;
// A list of names announced after its title: 本市的5名省优秀人大代表是:王大顺、花二军…
const ANNOUNCED = /(?:(?:是|为|有)[:：]?|[:：])$/;
// How a title's organisation may open: a level of administration (省委, 县人大, 州, 村),
// the party, the congresses or the state (中共, 全国, 国务院).
const TITLE_OPENING = /^(?:[省市县区州盟旗乡镇村]|中共|全国|中央|国务院|国家|人大|政协|党)/;

/** Whether the title part starting at token `k` opens as an organisation does (省委常委, 州人大…). */
function opensTitle(text: string, tokens: Token[], k: number): boolean {
  if (k >= tokens.length) return false;
  return TITLE_OPENING.test(tokens[k].word) || (wordKind(tokens[k].word) & PLACE) !== 0;
}

// The last characters of a bureau's or committee's name (城乡建设局, 渔业局, 卫生健康委).
const ORGAN_END = /[局厅委办部署院]$/;

/**
 * Whether the conjunction at token `k` joins two words of one organisation's name
 * (县住房和城乡建设局局长, 县海洋与渔业局局长) rather than two people or clauses (群众和村支书,
 * 县长和市委书记): the part after it names an organ before the head word and opens no
 * organisation of its own, and a word that is neither a name nor a stop word stands before it.
 */
function joinsOrganName(text: string, tokens: Token[], k: number, start: number, end: number): boolean {
  const word = tokens[k].word;
  if ((word !== '和' && word !== '与') || k < 1 || start === end || opensTitle(text, tokens, k + 1)) return false;
  const rest = text.slice(start, end);
  const head = headAtEnd(rest);
  if (!head || !ORGAN_END.test(rest.slice(0, rest.length - head.length))) return false;
  const prev = tokens[k - 1].word;
  return prev.length >= 2 && !STOP_WORDS.has(prev) && !HARD_STOP.test(prev) && !(wordKind(prev) & (NAME | VERB));
}

/**
 * The title written right before `end` (a name's start, or a 、 between stacked
 * titles): the organisation prefix and head word, or undefined when the words
 * there are no public title.
 */
function titleBefore(text: string, tokens: Token[], end: number, isName: (s: number, e: number) => boolean): { title: string; start: number; isPublic: boolean } | undefined {
  let k = end > 0 ? tokenIndexAt(tokens, end - 1) : -1;
  let start = end;
  // Walk back over whole jieba words until a stop. The first may run on into the name
  // (总河湖|长杜文斌): only its part before the name counts.
  while (k >= 0) {
    const t = tokens[k];
    const word = t.end > end ? text.slice(t.start, end) : t.word;
    if (HARD_STOP.test(word) || word === '、' || /[\d０-９]/.test(word)) break;
    if (STOP_WORDS.has(word) && !joinsOrganName(text, tokens, k, start, end)) break;
    if (/^[\d一二三四五六七八九十]+[日月号]$/.test(word) || isName(t.start, Math.min(t.end, end))) break;
    if (end - t.start > MAX_TITLE) break;
    // 传达学习|省委常委, 认真学习讨论|州人大常委会副主任: a verb before an organisation that
    // opens a title is the clause's verb; inside a name (县|扶贫|办主任) it opens nothing.
    // jieba tags some heads v (镇长, 组长, 站长): a word ending in a head is no verb here.
    if (wordKind(word) & VERB && !headAtEnd(word) && (start === end || opensTitle(text, tokens, k + 1))) break;
    start = t.start;
    k--;
  }
  // 据沟|东村党支部书记: jieba's HMM glued the preposition to the place's first character.
  if (start < end && GLUED_LEFT.test(text[start]) && k + 1 < tokens.length) {
    const first = tokens[k + 1];
    if (first.start === start && first.word.length >= 2 && !wordKind(first.word)) start++;
  }
  // 5|名省优秀人大代表: the measure word after a count is glued to the organisation's first character.
  if (start < end - 1 && MEASURE.test(text[start]) && start > 0 && COUNT_END.test(text[start - 1])) start++;
  if (start === end) return undefined;
  // The head may be the end of a longer word (市委书记 cut as 市委|书记 or 市委书记).
  // 该村党支部书记: a demonstrative points back to a place named before; the title is 村党支部书记.
  const lead = /^[该本其此]/.test(text.slice(start, end - 2)) ? 1 : 0;
  const raw = text.slice(start + lead, end);
  if (headAtEnd(raw)) return { title: raw, start: start + lead, isPublic: true };
  return isPrivateRole(raw) ? { title: raw, start: start + lead, isPublic: false } : undefined;
}

export function findOfficials(a: Analysis, persons: FoundPerson[], bylines: FoundByline[]): FoundOfficial[] {
  const { text, tokens } = a;
  const inByline = (s: number, e: number) => bylines.some((b) => s < b.end && e > b.start);
  const mentions: Mention[] = persons.filter((p) => !inByline(p.start, p.end)).sort((x, y) => x.start - y.start);
  const nameAt = new Map(mentions.map((m) => [m.end, m]));
  const isName = (s: number, e: number) => mentions.some((m) => s < m.end && e > m.start);

  // Titles in the order found, per mention.
  const titlesOf = new Map<Mention, { title: string; at: number }[]>();
  const add = (m: Mention, title: string, at: number) => {
    const list = titlesOf.get(m) ?? [];
    list.push({ title, at });
    titlesOf.set(m, list);
  };

  for (const m of mentions) {
    // Stacked titles before the name: 舞钢市委副书记、市长、市级总河长潘志刚. A private role
    // in the stack (县政协委员、某纺织有限公司董事长谭婧) is one of the titles of an official;
    // alone it makes none.
    const own: { title: string; at: number; isPublic: boolean }[] = [];
    let end = m.start;
    for (;;) {
      const t = titleBefore(text, tokens, end, isName);
      if (!t) break;
      own.unshift({ title: t.title, at: t.start, isPublic: t.isPublic });
      if (text[t.start - 1] !== '、') break;
      end = t.start - 1;
    }
    // 省优秀人大代表是:王大顺、…: the title announces the names that follow it.
    const announced = own.length ? undefined : ANNOUNCED.exec(text.slice(Math.max(0, m.start - 3), m.start));
    if (announced) {
      const t = titleBefore(text, tokens, m.start - announced[0].length, isName);
      if (t?.isPublic) own.push({ title: t.title, at: t.start, isPublic: true });
    }
    if (own.some((t) => t.isPublic)) for (const t of own) add(m, t.title, t.at);

    // A title after the name: 吕振华书记, 上官明远校长 (but 韦国强同志 has none).
    const after = headAfterName(text, m.end);
    if (after) add(m, after, m.end);

    // An appointment: 任命刘振宇同志为鄢陵县人民政府副县长, 免去孙海同志的…局长职务, and the
    // decision's own wording (关于张三同志任某县副县长的决定, 李四同志任县委常委、组织部部长).
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    let rest = text.slice(m.end, m.end + 60);
    const honorific = rest.startsWith('同志') ? 2 : 0;
    rest = rest.slice(honorific);
    const appointed = APPOINT.test(before) && /^(?:为|担任)/.test(rest);
    const removed = /免去$/.test(before) && rest.startsWith('的');
    const decided = (honorific > 0 || /关于$/.test(before)) && DECIDED.test(rest);
    if (appointed || removed || decided) {
      const body = rest.slice(removed || decided ? 1 : rest.startsWith('担任') ? 2 : 1);
      const stop = TITLE_END.exec(body);
      let at = m.end + honorific + (rest.length - body.length);
      for (const title of body.slice(0, stop ? stop.index : body.length).split('、')) {
        if (title.length >= 2 && title.length <= MAX_TITLE + 6 && headAtEnd(title)) add(m, title, at);
        at += title.length + 1;
      }
    }
  }

  // A cadre's profile in an appointment notice (任前公示): 皇甫志华，男，汉族，…，现任车溪乡党委
  // 副书记、乡长，拟任车溪乡党委书记。 The posts held and proposed are the person's titles.
  for (const m of mentions) {
    if (!(m.start === 0 || text[m.start - 1] === '\n') || !PROFILE_AFTER.test(text.slice(m.end, m.end + 4))) continue;
    let end = text.indexOf('\n', m.end);
    if (end < 0) end = text.length;
    for (const post of text.slice(m.end, end).matchAll(PROFILE_POST)) {
      let at = m.end + post.index! + post[0].length - post[1].length;
      for (const title of post[1].split('、')) {
        if (title.length >= 2 && title.length <= MAX_TITLE && headAtEnd(title)) add(m, title, at);
        at += title.length + 1;
      }
    }
  }

  // 张可山的家人…回顾了这位年近七旬的巩义市站街镇原巴沟村支书、村委会主任，…: the posts of a
  // person named earlier in the sentence, pointed back to with 这位/这名 … 的.
  for (const x of text.matchAll(POINTED_BACK)) {
    const at = x.index + x[0].length;
    const m = lastMentionBefore(mentions, text, x.index);
    if (!m) continue;
    const stop = CLAUSE_END.exec(text.slice(at, at + MAX_TITLE * 3));
    if (!stop) continue;
    const posts = text.slice(at, at + stop.index).split('、');
    if (!posts.every((t) => t.length >= 2 && t.length <= MAX_TITLE && headAtEnd(t))) continue;
    let pos = at;
    for (const t of posts) (add(m, t, pos), (pos += t.length + 1));
  }

  // A name in a list after a titled name shares its titles: 县领导方国华、楼建军、张晨阳.
  for (const m of mentions) {
    if (titlesOf.get(m)?.some((t) => t.at < m.start)) continue;
    let k = m.start;
    let prev: Mention | undefined;
    for (;;) {
      const joint = /(?:、|和|及|与|以及)$/.exec(text.slice(Math.max(0, k - 2), k));
      if (!joint || !LIST_JOINT.test(joint[0])) break;
      prev = nameAt.get(k - joint[0].length);
      if (!prev) break;
      const shared = titlesOf.get(prev)?.filter((t) => t.at < prev!.start);
      if (shared?.length) {
        for (const t of shared) add(m, t.title, t.at);
        break;
      }
      k = prev.start;
    }
  }

  // A collective title after the list: 马志峰、秦洪源等市领导陪同.
  for (const m of mentions) {
    const after = COLLECTIVE_AFTER.exec(text.slice(m.end, m.end + 12));
    if (!after) continue;
    const at = m.end + 1;
    let cur: Mention | undefined = m;
    while (cur) {
      if (!titlesOf.get(cur)?.length) add(cur, after[1], at);
      const joint = /(?:、|和|及|与)$/.exec(text.slice(Math.max(0, cur.start - 1), cur.start));
      cur = joint ? nameAt.get(cur.start - joint[0].length) : undefined;
    }
  }

  // One official per full name, titles merged in order without repeats.
  const byName = new Map<string, FoundOfficial>();
  for (const m of mentions) {
    let o = byName.get(m.name);
    const ts = titlesOf.get(m) ?? [];
    if (!o) {
      o = { name: m.name, titles: [], mentions: [] };
      byName.set(m.name, o);
    }
    o.mentions.push({ start: m.start, end: m.end });
    for (const { title } of ts) {
      // 书记 after 县委书记 is the same title shortened, not a new one.
      if (!o.titles.some((x) => x.includes(title) || title.includes(x))) o.titles.push(title);
    }
  }
  return [...byName.values()].filter((o) => o.titles.length > 0);
}
