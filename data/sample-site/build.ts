// Builds the bundled sample site (static files under data/sample-site/site/) from
// texts-dev.json (the project's dev articles) and texts-new.yaml (written for it).
// Run: node bin/run.js data/sample-site/build.ts — the output is committed, so the
// demo needs nothing but a static file server.
//
// The replica: a Founder-style e-paper (示例晚报) with 3 editions of 5 版面 each
// (要闻, 综合, 新郑时报 ×2, 荥阳时报 served in GBK), the first edition in the older
// enpproperty template and the others in the newer <founder-*> one; and a TRS-style
// county portal column with two list pages.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'site');

interface Text {
  id: string;
  title: string;
  introTitle?: string;
  subTitle?: string;
  body: string;
}

const dev = JSON.parse(readFileSync(join(HERE, 'texts-dev.json'), 'utf8')) as Text[];
const fresh = parseYaml(readFileSync(join(HERE, 'texts-new.yaml'), 'utf8')) as Text[];
const byId = new Map(fresh.map((t) => [t.id, t]));
const pick = (id: string) => byId.get(id)!;

const EDITIONS = ['2024-03-04', '2024-03-05', '2024-03-06'];
const PAGES = [
  { node: 1, number: 'A01', name: '要闻' },
  { node: 2, number: 'A02', name: '综合' },
  { node: 3, number: 'X01', name: '新郑时报 要闻' },
  { node: 4, number: 'X02', name: '新郑时报 政务' },
  { node: 5, number: 'Y01', name: '荥阳时报 综合', gbk: true },
];

/** Which texts go on which 版面 of which edition. */
function allocate(): Map<string, Text[]> {
  const plan = new Map<string, Text[]>();
  const xz = fresh.filter((t) => t.id.startsWith('xz-'));
  const y = [[pick('xy-01'), dev[12]], [pick('xy-02'), dev[13]], [dev[14], dev[15]]];
  EDITIONS.forEach((date, e) => {
    plan.set(`${date}/1`, dev.slice(e * 4, e * 4 + 2));
    plan.set(`${date}/2`, dev.slice(e * 4 + 2, e * 4 + 4));
    plan.set(`${date}/3`, xz.slice(e * 4, e * 4 + 2));
    plan.set(`${date}/4`, xz.slice(e * 4 + 2, e * 4 + 4));
    plan.set(`${date}/5`, y[e]);
  });
  return plan;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function write(path: string, html: string, gbk = false): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gbk ? iconv.encode(html, 'gb18030') : html);
}

/** Body paragraphs as Founder prints them: an indent per paragraph, `¦` becoming a layout cut. */
function bodyHtml(body: string): string {
  return body.trim().split(/\n+/).map((p) => {
    const [first, ...rest] = p.split('¦');
    return [`<P>\u3000\u3000${esc(first)}</P>`, ...rest.map((r) => `<P>${esc(r)}</P>`)].join('\n');
  }).join('\n');
}

function head(title: string, gbk: boolean): string {
  const cs = gbk ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : '<meta charset="utf-8">';
  return `<!DOCTYPE html>\n<html><head>${cs}<title>${esc(title)}</title></head>`;
}

const NAV = '<div class="nav"><a href="../../../index.htm">返回主页</a> | 示例晚报 | <a href="#">标题导航</a> | 示例日报 | 上一期 下一期</div>';
const FOOT = '<div class="foot">版权声明 @ 示例网 2024 本网站所刊登的各种新闻、信息均属示例网所有</div>';

function directory(date: string): string {
  const [ym, d] = [date.slice(0, 7), date.slice(8)];
  const rows = PAGES.map((p) => `<tr><td class="default"><a id="pageLink" href="node_${p.node}.htm">第${p.number}版：${p.name}</a></td><td><a href="../../../page/${ym}/${d}/${p.number}.pdf">PDF</a></td></tr>`);
  return `<table class="newspaperDirectory">\n${rows.join('\n')}\n</table>`;
}

function articlePage(date: string, page: (typeof PAGES)[number], t: Text, newTemplate: boolean): string {
  const header = `<div class="pagehead">第${page.number}版:${page.name} <a href="#">上一版</a> <a href="#">下一版</a></div>`;
  if (!newTemplate) {
    const enp = `<!--enpproperty <articleid>${t.id}</articleid><date>${date} 08:00:00.0</date><author></author><title>${esc(t.title)}</title><keyword></keyword><subtitle>${esc(t.subTitle ?? '')}</subtitle><introtitle>${esc(t.introTitle ?? '')}</introtitle><siteid>1</siteid><nodeid>${page.node}</nodeid><nodename>${page.name}</nodename><nodesearchname></nodesearchname>/enpproperty-->`;
    return `${head(t.title, !!page.gbk)}<body>\n${NAV}\n${header}\n${enp}\n<table><tr><td class="font02">${esc(t.introTitle ?? '')}</td></tr><tr><td class="font01">${esc(t.title)}</td></tr><tr><td class="font02">${esc(t.subTitle ?? '')}</td></tr></table>\n<div id="ozoom"><!--enpcontent-->${bodyHtml(t.body)}<!--/enpcontent--></div>\n${FOOT}\n</body></html>\n`;
  }
  return `${head(t.title, !!page.gbk)}<body>\n${NAV}\n${header}\n<div class="title">
<founder-introtitle>${esc(t.introTitle ?? '')}</founder-introtitle>
<founder-title>${esc(t.title)}</founder-title>
<founder-subtitle>${esc(t.subTitle ?? '')}</founder-subtitle>
<founder-author></founder-author><founder-date>${date}</founder-date><founder-pagenum>${page.number}</founder-pagenum></div>
<div id="ozoom"><founder-content>\n${bodyHtml(t.body)}\n</founder-content></div>\n${FOOT}\n</body></html>\n`;
}

function buildEpaper(): number {
  const plan = allocate();
  let id = 1000;
  let count = 0;
  EDITIONS.forEach((date, e) => {
    const folder = join(OUT, 'epaper', 'html', date.slice(0, 7), date.slice(8));
    for (const page of PAGES) {
      const texts = plan.get(`${date}/${page.node}`) ?? [];
      const links: string[] = [];
      const areas: string[] = [];
      for (const t of texts) {
        const file = `content_${++id}.htm`;
        write(join(folder, file), articlePage(date, page, t, e > 0), page.gbk);
        links.push(`<li><a href="${file}"><div style="display:inline">${esc(t.title)}</div></a></li>`);
        areas.push(`<area shape="polygon" coords="0,0,100,0,100,100" href="${file}">`);
        count++;
      }
      const html = `${head(`示例晚报 第${page.number}版`, !!page.gbk)}<body>\n${NAV}\n<div class="pagehead">第${page.number}版:${page.name}</div>\n${directory(date)}\n<map name="pagepicmap">${areas.join('')}</map>\n<ul class="titles">\n${links.join('\n')}\n</ul>\n${FOOT}\n</body></html>\n`;
      write(join(folder, `node_${page.node}.htm`), html, page.gbk);
    }
  });
  const last = EDITIONS[EDITIONS.length - 1];
  write(join(OUT, 'epaper', 'index.htm'), `<html><head><META HTTP-EQUIV="REFRESH" CONTENT="0; URL=html/${last.slice(0, 7)}/${last.slice(8)}/node_1.htm"></head><body></body></html>\n`);
  return count;
}

function buildPortal(): number {
  const items = ['pt-04', 'pt-03', 'pt-02', 'pt-01'].map((k, i) => ({
    t: pick(k),
    date: ['2024-03-06', '2024-03-05', '2024-03-05', '2024-03-04'][i],
    id: 2004 - i,
  }));
  const artPath = (x: (typeof items)[number]) => {
    const [y, m, d] = x.date.split('-').map(Number);
    return `/portal/art/${y}/${m}/${d}/art_101_${x.id}.html`;
  };
  for (const x of items) {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="某县人民政府"><meta name="ColumnName" content="政务动态">
<meta name="ArticleTitle" content="${esc(x.t.title)}"><meta name="PubDate" content="${x.date} 09:30">
<meta name="ContentSource" content="某县人民政府办公室"><meta name="Author" content="县政府办">
<title>${esc(x.t.title)}_某县人民政府</title></head><body>
<div class="top"><a href="/portal/">首页</a> <a href="/portal/col/col101/index.html">政务动态</a> <a href="/portal/col/col102/index.html">通知公告</a></div>
<div class="main"><h1>${esc(x.t.title)}</h1>
<div class="info">发布时间：${x.date} 09:30 来源：某县人民政府办公室 浏览次数：<span>128</span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">${x.t.body.trim().split('\n').map((p) => `<p>${esc(p)}</p>`).join('')}</div></div>
<div class="share">分享到：微信 微博</div></div>
<div class="footer">主办：某县人民政府办公室 版权所有 © 2024 ICP备00000000号</div></body></html>\n`;
    write(join(OUT, artPath(x)), html);
  }
  const list = (page: typeof items, n: number) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务动态_某县人民政府</title></head><body>
<div class="top"><a href="/portal/">首页</a></div><ul class="list">
${page.map((x) => `<li><a href="${artPath(x)}" target="_blank">${esc(x.t.title)}</a><span>${x.date}</span></li>`).join('\n')}
</ul><script>createPageHTML(2, ${n}, "index", "html");</script></body></html>\n`;
  write(join(OUT, 'portal', 'col', 'col101', 'index.html'), list(items.slice(0, 2), 0));
  write(join(OUT, 'portal', 'col', 'col101', 'index_1.html'), list(items.slice(2), 1));
  return items.length;
}

rmSync(OUT, { recursive: true, force: true });
const e = buildEpaper();
const p = buildPortal();
write(join(OUT, 'robots.txt'), 'User-agent: *\nDisallow: /private/\n');
write(join(OUT, 'private', 'index.html'), '<html><body>not for crawlers</body></html>\n');
// The demo crawls exactly the editions the replica has.
writeFileSync(join(HERE, 'site.json'), JSON.stringify({ editions: { from: EDITIONS[0], to: EDITIONS[EDITIONS.length - 1] } }, null, 2) + '\n');
process.stdout.write(`sample site: ${e} e-paper articles in ${EDITIONS.length} editions, ${p} portal articles -> ${OUT}\n`);
