// Regenerates data/dict/titles.dict.utf8, the jieba user dictionary of job titles and
// organ names, from HanLP's `nnt` (titles) and `nis` (organisation suffixes) lists
// (Apache-2.0, see data/dict/NOTICE) plus the titles of local Chinese officialdom
// below. Only words jieba's own dictionary lacks are written: re-adding a known word
// would reset its frequency and change how everything around it is cut.
//
//   node bin/run.js scripts/build-title-dict.ts [path/to/hanlp]   (default ../shared/bench/hanlp)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICT_DIR, ROOT } from '../src/paths.ts';
import { wordKind } from '../src/nlp/lexicon.ts';

const hanlp = process.argv[2] ?? join(ROOT, '..', 'shared', 'bench', 'hanlp');

// Offices of county and city politics that both lists miss.
const LOCAL = `
常务副市长 常务副县长 常务副区长 常务副省长 常务副主任 市委常委 县委常委 区委常委 省委常委 党组成员 党组书记
党组副书记 党委书记 党委副书记 党支部书记 党总支书记 支部书记 第一书记 驻村第一书记 组织部长 宣传部长 统战部长
纪委书记 政法委书记 总河长 副总河长 河长 人大常委会 常委会主任 常委会副主任 执行主席 副秘书长 副检察长
副院长 副庭长 市领导 县领导 区领导 镇领导 乡领导 村委会主任 居委会主任 社区主任 村支书 村主任 副镇长 副乡长
`;

const known = (w: string) => wordKind(w) !== 0;
const read = (file: string) =>
  readFileSync(join(hanlp, file), 'utf8').split('\n').map((l) => l.split('\t')[0].trim()).filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w));

const entries = new Map<string, string>();
for (const w of LOCAL.split(/\s+/).filter(Boolean)) entries.set(w, 'nnt');
for (const w of read('CoreNatureDictionary.nnt.tsv')) if (!entries.has(w)) entries.set(w, 'nnt');
for (const w of read('CoreNatureDictionary.nis.tsv')) if (!entries.has(w)) entries.set(w, 'nis');
const lines = [...entries].filter(([w]) => !known(w)).map(([w, tag]) => `${w} ${tag}`);
writeFileSync(join(DICT_DIR, 'titles.dict.utf8'), lines.join('\n') + '\n');
console.log(`${lines.length} words written to data/dict/titles.dict.utf8`);
