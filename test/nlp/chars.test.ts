import { describe, expect, it } from 'vitest';
import { codeTable, SPACE } from '../../src/nlp/chars.ts';

describe('character tables', () => {
  it('SPACE holds exactly the code units \\s matches', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (Boolean(SPACE[c]) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('codeTable marks the given characters and nothing else', () => {
    const t = codeTable('，。a');
    expect([t['，'.charCodeAt(0)], t['。'.charCodeAt(0)], t[97], t[98], t['、'.charCodeAt(0)]]).toEqual([1, 1, 1, 0, 0]);
    // Past the end of a text charCodeAt is NaN: no entry, as a regex test of undefined.
    expect(t[NaN]).toBeUndefined();
  });
});
