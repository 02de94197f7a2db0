import { codeTable } from './chars.ts';

/**
 * Titles of public office as printed in Chinese local news: a head word (书记, 副县长,
 * 党组成员, 领导) with its organisation in front (新郑市委, 县人大常委会, 王洼村党支部).
 */

// Head words of public roles: party, government, people's congress (its deputies too:
// 省人大代表), CPPCC, courts, villages and communities, schools and hospitals. Private roles (村民, 医生,
// 班主任, 志愿者, 董事长 of a firm) are deliberately absent: they do not make an official.
const HEADS = `
书记 副书记 第一书记 支书 常委 委员 常务委员 市长 副市长 县长 副县长 区长 副区长 乡长 副乡长 镇长 副镇长 省长 副省长
州长 副州长 旗长 副旗长 盟长 苏木达 嘎查长 村长 主任 副主任 部长 副部长 局长 副局长 厅长 副厅长 处长 副处长 科长 副科长 司长 副司长 署长
主席 副主席 秘书长 副秘书长 组长 副组长 院长 副院长 校长 副校长 园长 所长 副所长 站长 副站长 馆长 台长 行长 副行长 社长
检察长 副检察长 庭长 审判长 政委 司令员 参谋长 总理 副总理 总书记 委员长 副委员长 国务委员 专员 巡视员 调研员 主委 理事长
会长 团长 副团长 指挥长 总指挥 河长 总河长 副总河长 湖长 林长 领导 成员 总经济师 总工程师 总会计师 督学 党组书记 主任委员 总统 副总统
首相 外长 外相 大使 总领事 议长 助理
人大代表 党代表 政协委员
`.split(/\s+/).filter(Boolean);

// Titles that end in a public head but name a private or professional role.
const NOT_PUBLIC = ['班主任', '车间主任', '主任医师', '副主任医师', '科主任', '教研室主任', '科室主任', '实验室主任', '工作室主任', '学生会主席', '老干部'];

/** Heads that may follow a name (吕振华书记, 上官明远校长); 委员, 代表 after a name mean something else. */
const AFTER_NAME = new Set(`书记 副书记 支书 市长 副市长 县长 副县长 区长 副区长 乡长 副乡长 镇长 副镇长 省长 副省长 村长 主任 副主任
部长 副部长 局长 副局长 厅长 副厅长 处长 副处长 科长 主席 副主席 校长 副校长 院长 副院长 所长 副所长 站长 行长 社长 检察长
庭长 政委 总理 委员长 组长 旗长 副旗长`.split(/\s+/).filter(Boolean));

const BY_LENGTH = [...new Set(HEADS)].sort((a, b) => b.length - a.length);
// Head words by the UTF-16 code of their first and of their last character, longest
// first: the name scans ask at nearly every character, and a typed-array slot costs
// less than building a one-character string to key a Map.
const NONE: readonly string[] = [];
const BY_FIRST: (readonly string[])[] = new Array(0x10000).fill(NONE);
const BY_LAST: (readonly string[])[] = new Array(0x10000).fill(NONE);
for (const h of BY_LENGTH) {
  const first = h.charCodeAt(0), last = h.charCodeAt(h.length - 1);
  BY_FIRST[first] = [...BY_FIRST[first], h];
  BY_LAST[last] = [...BY_LAST[last], h];
}

/** Roles outside public office (firms, hospitals, schools) that may stand in a stack of titles. */
const PRIVATE_HEAD = /(?:董事长|董事|总经理|经理|厂长|总监|负责人|创始人|医师|教师)$/;

/** Whether `s` names a private or professional role (某某有限公司董事长, 主任医师, 班主任). */
export function isPrivateRole(s: string): boolean {
  return PRIVATE_HEAD.test(s) || NOT_PUBLIC.some((n) => s.endsWith(n));
}

/** The public head word `s` ends with, or undefined (`新郑市委书记` -> `书记`). */
export function headAtEnd(s: string): string | undefined {
  for (const h of s.length ? BY_LAST[s.charCodeAt(s.length - 1)] : NONE) {
    if (s.endsWith(h)) return NOT_PUBLIC.some((n) => s.endsWith(n)) ? undefined : h;
  }
  return undefined;
}

/** The head word starting at `text[i]` that may stand after a name, or undefined. */
export function headAfterName(text: string, i: number): string | undefined {
  for (let n = 3; n >= 2; n--) {
    const w = text.slice(i, i + n);
    if (AFTER_NAME.has(w)) return w;
  }
  return undefined;
}

// The same facts one byte each: most characters start and end no head word, and a byte
// table answers that from a quarter of the cache lines the lists' references take.
const FIRST_CODE = codeTable(BY_LENGTH.map((h) => h[0]).join(''));
const LAST_CODE = codeTable(BY_LENGTH.map((h) => h[h.length - 1]).join(''));

/** The longest head word starting at `text[i]` (副市长, 总理), for cues around names. */
export function headAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length || !FIRST_CODE[text.charCodeAt(i)]) return undefined;
  for (const h of BY_FIRST[text.charCodeAt(i)]) if (text.startsWith(h, i)) return h;
  return undefined;
}

/** Whether a head word ends right before `text[i]` (书记|刘建武). */
export function headEndingAt(text: string, i: number): boolean {
  if (i < 1 || i > text.length || !LAST_CODE[text.charCodeAt(i - 1)]) return false;
  for (const h of BY_LAST[text.charCodeAt(i - 1)]) if (h.length <= i && text.startsWith(h, i - h.length)) return true;
  return false;
}
