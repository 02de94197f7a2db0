import type { Analysis, FoundByline } from './analysis.ts';
import { codeTable, SPACE } from './chars.ts';

/**
 * Credits: `记者 杨宜锦`, `通讯员 赵辉 文/图`, `新郑时报 李显文`, several on one line
 * (`记者 姚辉常 / 通讯员 郑鸿斌 柴婧`), at the end of the body, run on at the end of
 * the last paragraph (`…贡献力量。记者 杨宜锦`), or at its start (`□晚报记者 周炜卿`,
 * `本报讯(记者 张三 通讯员 李四)`).
 */

// Role words, longest first so `特约记者` wins over `记者`. A newspaper or outlet name
// (`新郑时报`, `浦江报`, `晚报`) printed in front of a name is itself the credit.
// The outlet may be printed glued in front of the role (白银日报见习记者, 太和县融媒体中心记者).
// Editors and reviewers (编辑：, 审核：) are credited at the end too.
// A media group's desk may stand in front too (某某报业传媒集团全媒体新闻中心记者, 某某日报·某某客户端记者).
// 通迅员 and 通信员 are misprints of 通讯员: the role as printed, never a name.
const ROLE = /^(?:本报|本刊|[\u4e00-\u9fff·]{0,16}?(?:时报|日报|晚报|早报|商报|报社|报|融媒体中心|电视台|新闻网|网|全媒体|新闻中心|客户端|集团))?(特约记者|见习记者|首席记者|实习记者|记者|特约通讯员|通讯员|通迅员|通信员|实习生|摄影|摄像|作者|撰稿|撰文|责任编辑|责编|编辑|审核|审校|校对|初审|复审|终审|统筹|监制)/;
const OUTLET = /^[\u4e00-\u9fff]{1,8}(?:时报|日报|晚报|早报|商报|时讯|周报|报|电视台|广播电视台|融媒体中心|新闻网|网)$/;
// `文/图`, `图/文`, `摄`: what the credit covers, not part of any name.
const SOURCE_LABEL = /^(?:来源|稿源|出处|供稿|信息来源)$/;
const CREDIT_KIND = /^(?:文|图|摄|文图|图文|摄影|供图)$/;
const NAME = /^[\u4e00-\u9fff\u3400-\u4dbf·]{2,5}$/;
/** A word for a post (信息员, or a misprinted 通讯员) where a name would stand: a role, never a name. */
const ROLE_LIKE = /^[\u4e00-\u9fff]{1,3}员$/;
// Marks some papers print before the credit (□, ■, ●) and brackets around it.
const DECOR_CHARS = '□■●◎★☆◆◇▲△【】[]()（）';
const DECOR = new RegExp(`[${DECOR_CHARS.replace(/[\]\\[^-]/g, '\\$&')}]`, 'g');
const DECOR_CODE = codeTable(DECOR_CHARS);
const MAX_LINE = 60;

/**
 * The length `line` would have with its decoration blanked and both ends trimmed,
 * from its two ends only: most lines tried are paragraphs of prose, far too long.
 */
function trimmedLength(line: string): number {
  let l = 0, r = line.length - 1;
  while (l <= r && isBlankAt(line, l)) l++;
  while (r >= l && isBlankAt(line, r)) r--;
  return r - l + 1;
}

// A function of its own, not a closure over `line`: tsx (keepNames) names every closure
// it creates with a defineProperty call, which costs more than the scan.
function isBlankAt(line: string, i: number): boolean {
  return SPACE[line.charCodeAt(i)] === 1 || DECOR_CODE[line.charCodeAt(i)] === 1;
}

interface Part { text: string; start: number }

/** Splits a credit line into words at spaces and slashes, keeping offsets. */
function parts(line: string, base: number): Part[] {
  const out: Part[] = [];
  for (const m of line.matchAll(/[^\s/／|｜,，、;；:：]+/g)) out.push({ text: m[0], start: base + m.index! });
  return out;
}

/**
 * Reads one candidate credit line. Returns the credits, or null when the line holds
 * anything a credit line cannot (a verb, a sentence), so prose is never mistaken for one.
 */
export function parseCreditLine(line: string, base: number): FoundByline[] | null {
  const length = trimmedLength(line);
  if (length === 0 || length > MAX_LINE) return null;
  const clean = line.replace(DECOR, ' ');
  const out: FoundByline[] = [];
  let role: string | null = null;
  let sawRole = false;
  for (const p of parts(clean, base)) {
    let text = p.text;
    let start = p.start;
    // `来源：兰考县融媒体中心　记者 凌霄`: the label of the source line.
    if (SOURCE_LABEL.test(text)) continue;
    const r = ROLE.exec(text);
    if (r) {
      role = r[1];
      sawRole = true;
      text = text.slice(r[0].length);
      start += r[0].length;
      if (!text) continue;
      // `记者杨宜锦`: the name glued to its role word.
    } else if (ROLE_LIKE.test(text)) {
      role = text;
      sawRole = true;
      continue;
    } else if (OUTLET.test(text) && !out.some((b) => b.start === start)) {
      role = text.replace(/^本/, '');
      sawRole = true;
      continue;
    }
    if (CREDIT_KIND.test(text)) continue;
    // `赵辉摄`, `赵辉文/图`: the kind glued to the name. A bare final 文 is left alone
    // (李显文), it is a credit only when `/图` follows.
    const after = clean.slice(start - base + text.length);
    const kind = /摄影?$/.exec(text) ?? (/^\s*[/／]\s*图/.test(after) ? /[文图]$/.exec(text) : null);
    if (kind && text.length - kind[0].length >= 2 && role) text = text.slice(0, -kind[0].length);
    if (!role || !NAME.test(text) || text.length > 4) return null;
    out.push({ name: text, role, start, end: start + text.length });
  }
  return sawRole && out.length ? out : null;
}

/** Non-empty lines with their offsets. */
function lines(text: string): Part[] {
  const out: Part[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start && !isBlank(text, start, end)) out.push({ text: text.slice(start, end), start });
    start = end + 1;
  }
  return out;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!SPACE[text.charCodeAt(i)]) return false;
  return true;
}

// A credit run on after the last sentence of a paragraph: `…贡献力量。记者 杨宜锦`,
// often in brackets: `…注入强劲动能。（记者 郝静怡 通讯员 焦文博）`.
const RUN_ON = /[。！？”」）)]\s*[(（【]?\s*((?:[□■●]?[\u4e00-\u9fff]{0,8}(?:记者|通讯员|实习生)|[\u4e00-\u9fff]{1,8}(?:时报|日报|晚报|报))[^。！？\n]{1,50})$/;
const RUN_ON_TAIL = 90;
// `本报讯(记者 张三 通讯员 李四)` or `(记者 张三)` opening the body, or without brackets
// before 报道 (`本报讯 记者雷晓鸥 通讯员缪春生 报道：`).
const OPENING = /^[^\n]{0,12}?[(（]((?:[\u4e00-\u9fff·]{0,16}(?:记者|通讯员|实习生))[^()（）\n]{1,50})[)）]/;
// The 讯 may be left out when the credit opens its own line (`记者黎智仙、蒋雨珂报道：`).
const OPENING_REPORT = /^(?:[^\n]{0,12}?讯\s*|[□■●\s]*)((?:[\u4e00-\u9fff]{0,10}?(?:记者|通讯员|实习生))[^。！？：:()（）\n]{1,50}?)\s*报道\s*[：:]/;
// A contributor's unit and name in brackets after the last sentence or on the last line
// (`…全过程。(河阳县城关镇 李明)`): the unit is the credit's role, as an outlet is.
const UNIT_CREDIT = /(?:^|[。！？”」])\s*[(（]\s*([\u4e00-\u9fff]{2,16}(?:镇|乡|县|市|区|街道|社区|村|局|委|办|中心|站|所|公司|学校|医院))\s+([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})\s*[)）]\s*$/;

/** The credits of a unit credit (UNIT_CREDIT) at the end of `line`, which starts at `base`. */
function unitCredits(line: string, base: number): FoundByline[] | null {
  const m = UNIT_CREDIT.exec(line.length > RUN_ON_TAIL ? line.slice(-RUN_ON_TAIL) : line);
  if (!m) return null;
  const offset = base + (line.length > RUN_ON_TAIL ? line.length - RUN_ON_TAIL : 0) + m.index + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
  const out: FoundByline[] = [];
  for (const n of m[2].matchAll(/[^\s]+/g)) out.push({ name: n[0], role: m[1], start: offset + n.index!, end: offset + n.index! + n[0].length });
  return out;
}

export function findBylines(a: Analysis): FoundByline[] {
  const all = lines(a.text);
  const found: FoundByline[] = [];
  const seen = new Set<number>();
  const add = (items: FoundByline[] | null) => {
    for (const b of items ?? []) if (!seen.has(b.start)) (seen.add(b.start), found.push(b));
  };

  // Whole credit lines at the end, read upwards until a line of prose.
  for (let i = all.length - 1; i >= 0 && i >= all.length - 5; i--) {
    const items = parseCreditLine(all[i].text, all[i].start);
    if (!items) {
      // A run-on credit is at most some 70 characters long, and the last line is a whole
      // paragraph: the pattern is tried on its tail only.
      const line = all[i].text;
      const m = RUN_ON.exec(line.length > RUN_ON_TAIL ? line.slice(-RUN_ON_TAIL) : line);
      if (m) add(parseCreditLine(m[1], all[i].start + line.length - m[1].length));
      else add(unitCredits(line, all[i].start));
      break;
    }
    add(items);
  }
  // Credit lines at the start of the body (after the headline lines).
  for (let i = 0; i < Math.min(all.length, 6); i++) {
    const items = parseCreditLine(all[i].text, all[i].start);
    if (items) add(items);
    const m = OPENING.exec(all[i].text) ?? OPENING_REPORT.exec(all[i].text);
    if (m) add(parseCreditLine(m[1], all[i].start + m.index! + m[0].indexOf(m[1])));
  }
  return found.sort((x, y) => x.start - y.start);
}
