import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/nlp/extract.ts';
import { nameModel, packageSurnames } from '../../src/nlp/names.ts';

const officials = (text: string) => Object.fromEntries(extractText(text).officials.map((o) => [o.name, o.titles]));
// The complete surname table comes from pinyin-pro when it is installed; without it the
// model is name-model.txt alone and these cases are not expected to pass.
const complete = packageSurnames().length > 0;

describe('nameModel', () => {
  it('reads surnames and given-name characters from name-model.txt', () => {
    const m = nameModel();
    expect(m.surname.get('王')).toBeGreaterThan(2);
    expect(m.compound.has('欧阳')).toBe(true);
  });

  it.skipIf(!complete)('adds the surnames only the complete table lists, as rare ones', () => {
    const m = nameModel();
    expect(m.surname.has('弓')).toBe(true);
    expect(m.compound.has('第五')).toBe(true);
    expect(m.rare.has('弓')).toBe(true);
    expect(m.rare.has('王')).toBe(false);
  });

  it.skipIf(!complete)('reads a rare surname beside a title, and not elsewhere', () => {
    expect(officials('副县长弓振华出席会议。')).toEqual({ 弓振华: ['副县长'] });
    expect(officials('县委常委、统战部部长第五丽娟主持会议。')).toEqual({ 第五丽娟: ['县委常委', '统战部部长'] });
    expect(extractText('东方明珠在夜色里很美，大家要过好日子。').persons).toEqual([]);
  });
});
