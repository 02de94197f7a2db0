import { describe, expect, it } from 'vitest';
import { canonicalTitle, learnPlaces, mediaPlace, officialPlace, placeKey, titleLevel, titlePlace } from '../../src/query/place.ts';

describe('titlePlace', () => {
  it('reads the county or city a title starts with', () => {
    expect(titlePlace('新郑市委书记')).toBe('新郑市');
    expect(titlePlace('长葛市领导')).toBe('长葛市');
    expect(titlePlace('鄢陵县人民政府副县长')).toBe('鄢陵县');
    expect(titlePlace('禹州市人民政府市长')).toBe('禹州市');
    expect(titlePlace('许昌市商务局副局长')).toBe('许昌市');
    expect(titlePlace('汝州市第一人民医院党委书记')).toBe('汝州市');
    expect(titlePlace('永城市委书记')).toBe('永城市');
    expect(titlePlace('成都市副市长')).toBe('成都市');
  });

  it('keeps a one-character county whose level is repeated (滑县县委)', () => {
    expect(titlePlace('滑县县委书记')).toBe('滑县');
  });

  it('finds no place in offices, bare levels, towns and words that only end like places', () => {
    for (const t of ['副市长', '常务副市长', '市委常委', '县委副书记', '南坞镇党委书记', '姚家村党支部书记', '市城市管理局局长',
      '城市管理局局长', '溪口社区党委书记', '大会执行主席', '市经济技术开发区管委会主任']) {
      expect(titlePlace(t), t).toBeUndefined();
    }
  });
});

describe('titleLevel and mediaPlace', () => {
  it('reads the level from the first character or the head word', () => {
    expect(titleLevel('市委常委')).toBe('市');
    expect(titleLevel('县农业局局长')).toBe('县');
    expect(titleLevel('常务副市长')).toBe('市');
    expect(titleLevel('党组成员')).toBeUndefined();
  });

  it('strips what a newspaper or portal adds to its place', () => {
    expect(mediaPlace('新郑时报')).toBe('新郑');
    expect(mediaPlace('长葛时讯')).toBe('长葛');
    expect(mediaPlace('郑州晚报')).toBe('郑州');
    expect(mediaPlace('某县人民政府')).toBe('某县');
    expect(mediaPlace('zzwb')).toBeUndefined();
    expect(mediaPlace(null)).toBeUndefined();
  });
});

describe('officialPlace', () => {
  it('takes the place written in the title', () => {
    expect(officialPlace(['新郑市委书记'], { section: '新郑时报' })).toBe('新郑市');
    expect(officialPlace(['长葛市领导'], { source: '示例晚报' })).toBe('长葛市');
  });

  it('prefers the paper’s own county when titles name two places', () => {
    expect(officialPlace(['郑州市委常委', '新郑市委书记'], { section: '新郑时报' })).toBe('新郑市');
    expect(officialPlace(['郑州市委常委', '新郑市委书记'], { source: '荥阳时报' })).toBe('郑州市');
  });

  it('falls back to the section, then the source, at the level the title names', () => {
    expect(officialPlace(['市委常委'], { section: '新郑时报', source: '郑州晚报' })).toBe('新郑市');
    expect(officialPlace(['副县长'], { source: '襄城时报' })).toBe('襄城县');
    expect(officialPlace(['大会执行主席'], { source: '禹州时报' })).toBe('禹州');
    expect(officialPlace(['村党支部书记'], { source: '某县人民政府' })).toBe('某县');
  });

  it('uses learnt full names and refuses a level the paper’s county does not have', () => {
    const known = learnPlaces(['襄城县委书记', '长葛市委书记', '县领导']);
    expect(known.get('襄城')).toBe('襄城县');
    expect(officialPlace(['县委副书记', '县长'], { source: '襄城时报', known })).toBe('襄城县');
    expect(officialPlace(['大会执行主席'], { source: '襄城时报', known })).toBe('襄城县');
    // 市委常委 in a county paper is the prefecture's, which the paper does not name.
    expect(officialPlace(['市委常委'], { source: '襄城时报', known })).toBeNull();
    expect(officialPlace(['省委常委'], { section: '新郑时报' })).toBeNull();
    expect(officialPlace(['市委常委'], {})).toBeNull();
    // A city paper's bare place is a city: its 县领导 are some county's.
    expect(officialPlace(['县领导'], { source: '示例晚报' })).toBeNull();
    expect(officialPlace(['市委常委'], { source: '郑州晚报' })).toBe('郑州市');
    expect(officialPlace(['县领导'], { section: '新郑时报', source: '郑州晚报', known: learnPlaces(['新郑市委书记']) })).toBeNull();
  });

  it('takes the scene from the article’s other titles in a city paper, or when the paper’s place does not fit', () => {
    const articleTitles = ['长葛市委书记', '市委常委', '组织部长', '县领导'];
    expect(officialPlace(['市委常委'], { source: '示例晚报', articleTitles })).toBe('长葛市');
    expect(officialPlace(['大会执行主席'], { source: '示例晚报', articleTitles })).toBe('长葛市');
    // A county paper keeps its own place when the level fits...
    expect(officialPlace(['市委常委'], { section: '新郑时报', articleTitles: ['郑州市委书记', '新郑市委书记'] })).toBe('新郑市');
    // ...and takes the scene when it does not (市委常委 in a 县 paper, the prefecture named elsewhere in the article).
    const known = learnPlaces(['襄城县委书记']);
    expect(officialPlace(['市委常委'], { source: '襄城时报', known, articleTitles: ['许昌市委书记', '襄城县委书记'] })).toBe('许昌市');
    expect(officialPlace(['县领导'], { source: '示例晚报', articleTitles })).toBeNull();
  });

  it('spells out the place of a title that opens with its bare level', () => {
    expect(canonicalTitle('县委书记', '襄城县')).toBe('襄城县委书记');
    expect(canonicalTitle('市人大常委会主任', '禹州市')).toBe('禹州市人大常委会主任');
    expect(canonicalTitle('襄城县委书记', '襄城县')).toBe('襄城县委书记');
    expect(canonicalTitle('副县长', '襄城县')).toBe('副县长');
    expect(canonicalTitle('市委常委', '襄城县')).toBe('市委常委');
    expect(canonicalTitle('县委书记', null)).toBe('县委书记');
  });

  it('keys 新郑市 and the bare 新郑 together, and two counties apart', () => {
    expect(placeKey('新郑市')).toBe(placeKey('新郑'));
    expect(placeKey('长葛市')).not.toBe(placeKey('鄢陵县'));
    expect(placeKey('滑县')).toBe('滑县');
  });
});
