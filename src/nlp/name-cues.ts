import { codeTable, SPACE } from './chars.ts';
import { headAt, headEndingAt } from './titles.ts';

/**
 * The words around a person's name that tell it is one: titles and roles before it
 * (书记|刘建武), speech, address and action after it (刘建武|作, 苗瑞光|强调), and
 * punctuation on either side. Every name scan (persons.ts and the modules beside it)
 * asks these at each candidate, so the lookups run on tables by UTF-16 code.
 */

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
export const EDGE = (() => {
  const t = codeTable('、，,。.；;：:！!？?“”"‘’\'（）()《》〈〉【】[]—…·');
  for (let c = 0; c < 0x10000; c++) if (SPACE[c]) t[c] = 1;
  return t;
})();

// 克林顿９日说: news puts the date right after the name.
export const DIGIT = codeTable('0123456789０１２３４５６７８９');
const leftWords = new Set(LEFT_WORDS);
const rightWords = new Set(RIGHT_WORDS);
const MAX_CUE = 3;

// Last characters of left cue words and first characters of right ones, to skip the
// lookups at most positions.
const LEFT_LAST = codeTable(LEFT_WORDS.map((w) => w[w.length - 1]).join(''));
const RIGHT_FIRST = codeTable(RIGHT_WORDS.map((w) => w[0]).join(''));

export function hasLeftCue(text: string, i: number): boolean {
  if (i === 0 || EDGE[text.charCodeAt(i - 1)]) return true;
  if (headEndingAt(text, i)) return true;
  if (!LEFT_LAST[text.charCodeAt(i - 1)]) return false;
  for (let n = 1; n <= MAX_CUE && n <= i; n++) if (leftWords.has(text.slice(i - n, i))) return true;
  return false;
}

// Roles abroad that stand before a name as a title does (工党领袖巴拉克, 国务卿奥尔布赖特).
export const ROLE_BEFORE = /(?:领袖|领导人|候选人|国务卿|大臣|国王|亲王|王储)$/;

// 穆萨说, 帕蓬表示: a short transliteration followed by speech is a speaker.
export const SPEECH_AFTER = /^(?:说|表示|指出|强调|认为|宣布|先生|夫人|女士|总统|一行)/;

/** A title or role word ends right before `i` (外长|利维, 总统|克林顿). */
export function hasTitleBefore(text: string, i: number): boolean {
  if (headEndingAt(text, i)) return true;
  for (let n = 2; n <= MAX_CUE && n <= i; n++) if (leftWords.has(text.slice(i - n, i))) return true;
  return false;
}

export function hasRightCue(text: string, e: number): boolean {
  if (e >= text.length || EDGE[text.charCodeAt(e)] || DIGIT[text.charCodeAt(e)]) return true;
  if (headAt(text, e)) return true;
  if (!RIGHT_FIRST[text.charCodeAt(e)]) return false;
  for (let n = 1; n <= MAX_CUE; n++) if (rightWords.has(text.slice(e, e + n))) return true;
  return false;
}

// Words after a name that only people take: address and speech (鲁迅先生, 谢非同志, 王蒙说).
export const ADDRESSED_AFTER = /^(?:先生|女士|同志|说|指出|表示|强调|认为)/;

// What a given name standing alone must be followed by: punctuation or a word of
// speech, address or action (建国说, 小平同志); a date after it is too weak a cue here.
export function strongRightCue(text: string, e: number): boolean {
  return e < text.length && !DIGIT[text.charCodeAt(e)] && hasRightCue(text, e);
}

// A speech verb or particle jieba (its HMM or its dictionary) may glue to the end of a name.
export const SPEECH_LAST = /^[说称等在和与的]$/;
/** Function words that follow a name and never sit in one (说, 的, 在, 把): no given name holds them. */
export const FUNCTION_CHAR = /[的了是在和与及等说将把被对从也都又还就向为]/;
export const HAN_WORD = /^[\u4e00-\u9fff]+$/;
/** Characters that end a place name (薛湖镇, 浦江县): a candidate before one is that place. */
export const PLACE_SUFFIX = codeTable('镇乡村县市区省街路州庄屯寨港湾桥');
