import { describe, expect, it } from 'vitest';
import { linksOf, metaRefresh } from '../../src/crawl/links.ts';
import { announcedPageCount, listArticles, nextListPage } from '../../src/crawl/portal.ts';
import { parseSource, type PortalSource } from '../../src/crawl/sources.ts';

const portal = (extra: object = {}) => parseSource({ key: 'p', name: 'P', kind: 'portal', base: 'http://gov.example/', lists: ['col/col101/index.html'], ...extra }, 't') as PortalSource;

describe('linksOf', () => {
  it('reads <a> and image-map <area> links once each, keeping the text, skipping in-page anchors', () => {
    const html = '<map><area href="content_1.htm"></map><a href="content_1.htm"><div>标题一</div></a><a href="#">标题导航</a><a href="javascript:void(0)">打印</a>';
    expect(linksOf(html, 'http://e.example/html/2024-03/04/node_1.htm')).toEqual([{ url: 'http://e.example/html/2024-03/04/content_1.htm', text: '标题一' }]);
  });
  it('finds Hanweb records inside <script type="text/xml"> CDATA', () => {
    const html = `<div id="301"><script type="text/xml"><datastore><recordset>
<record><![CDATA[<li><a href="/art/2020/9/21/art_101_456.html" title="县政府召开常务会议" target="_blank">县政府召开常务会议</a><span>2020-09-21</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2020/9/20/art_101_455.html">开展安全检查</a></li>]]></record>
</recordset></datastore></script></div>`;
    const links = listArticles(portal(), html, 'http://gov.example/col/col101/index.html');
    expect(links.map((l) => [l.url, l.text])).toEqual([
      ['http://gov.example/art/2020/9/21/art_101_456.html', '县政府召开常务会议'],
      ['http://gov.example/art/2020/9/20/art_101_455.html', '开展安全检查'],
    ]);
  });
  it('follows a meta refresh', () => {
    expect(metaRefresh('<META HTTP-EQUIV="REFRESH" CONTENT="0; URL=html/2017-11/02/node_2.htm">', 'http://e.example/')).toBe('http://e.example/html/2017-11/02/node_2.htm');
  });
});

describe('list pagination', () => {
  const list = 'http://gov.example/col/col101/index.html';
  it('TRS: pages index_1.html … up to the createPageHTML count', () => {
    const html = '<script>createPageHTML(3, 0, "index", "html");</script>';
    expect(announcedPageCount(html)).toBe(3);
    expect(nextListPage(portal(), html, list, list, 0)).toBe('http://gov.example/col/col101/index_1.html');
    expect(nextListPage(portal(), html, list, 'http://gov.example/col/col101/index_1.html', 1)).toBe('http://gov.example/col/col101/index_2.html');
    expect(nextListPage(portal(), html, list, 'http://gov.example/col/col101/index_2.html', 2)).toBeUndefined();
  });
  it('a configured pattern, and maxPages', () => {
    const def = portal({ pagination: { pattern: 'list_{n}.shtml', start: 2, maxPages: 2 } });
    expect(nextListPage(def, '', list, list, 0)).toBe('http://gov.example/col/col101/list_2.shtml');
    expect(nextListPage(def, '', list, 'x', 1)).toBeUndefined();
  });
  it('a 下一页 link otherwise', () => {
    expect(nextListPage(portal(), '<a href="?page=2">下一页</a>', list, list, 0)).toBe('http://gov.example/col/col101/index.html?page=2');
    expect(nextListPage(portal(), '<a href="/">首页</a>', list, list, 0)).toBeUndefined();
  });
});
