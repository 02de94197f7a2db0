import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../src/article/html.ts';

const ENP_PAGE = `<html><head><title>郑州晚报</title></head><body>
<table><tr><td>第X02版:新郑时报 政务 上一版 下一版</td></tr></table>
<div>返回主页 | 郑州晚报 | 标题导航 | 郑州日报 | 上一期 下一期</div>
<!--enpproperty <articleid>1</articleid><date>2017-11-02 09:28:27.0</date><author></author><title>新郑市召开秋冬季植树动员会</title><keyword></keyword><subtitle>今冬明春计划植树5万株</subtitle><introtitle>绿化提质 增绿添彩</introtitle><nodename>新郑时报 政务</nodename>/enpproperty-->
<table><tr><td class="font01">新郑市召开秋冬季植树动员会</td></tr></table>
<!--enpcontent--><P>　　本报讯 11月1日，新郑市召开秋冬季植树造林动员会，安排部署今冬明春国土绿化工作。会议要求，各乡镇要早谋划、早动手，确保完成全年植树任务。在城区绿化</P><P>提升行动中，要突出重点道路和公园游园建设。</P><P>　　记者 王明 通讯员 李华 文/图</P><!--/enpcontent-->
<div>版权声明 @ 中原网</div></body></html>`;

const TAG_PAGE = `<html><body><div class="head">第Y03版:荥阳时报 综合</div>
<founder-introtitle>聚焦项目建设</founder-introtitle><founder-title>荥阳市重点项目<br>集中开工</founder-title>
<founder-subtitle>总投资86亿元</founder-subtitle><founder-date>2018-03-05</founder-date><founder-pagenum>Y03</founder-pagenum>
<div id="ozoom"><founder-content><P>　　□晚报记者 张强</P><P>　　3月4日，荥阳市举行一季度重点项目集中开工仪式，共有12个项目开工建设。</P><P>　　据介绍，这些项目涵盖先进制造、现代服务和基础设施等领域。</P></founder-content></div>
<div>版权声明 @ 中原网</div></body></html>`;

const PORTAL_PAGE = `<html><head><meta name="ArticleTitle" content="某县召开安全生产工作会议"><meta name="PubDate" content="2020-09-21 10:00"><meta name="ContentSource" content="县应急管理局">
<title>某县召开安全生产工作会议_某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/col/col1/">政务动态</a> <a href="/col/col2/">通知公告</a></div>
<div class="article"><h1>某县召开安全生产工作会议</h1><div class="info">发布时间：2020-09-21 10:00 来源：县应急管理局 浏览次数：</div>
<div class="TRS_Editor"><div class="Custom_UnionStyle"><p>9月20日，某县召开安全生产工作会议，分析当前形势，部署下一阶段重点工作。</p></div>
<div class="Custom_UnionStyle"><p>会议要求，各部门要压实责任，深入开展隐患排查整治，坚决遏制事故发生。</p><table><tr><td>项目</td><td>数量</td></tr><tr><td>检查企业</td><td>126家</td></tr></table></div></div></div>
<div class="footer">版权所有 © 2024 某县人民政府 ICP备案12345号</div></body></html>`;

const GENERIC_PAGE = `<html><head><title>乡村道路提档升级 - 某市新闻网</title></head><body>
<ul class="menu"><li><a href="/a">要闻</a></li><li><a href="/b">县区</a></li><li><a href="/c">图片新闻</a></li></ul>
<div class="main"><h1>乡村道路提档升级</h1><span>2021年5月8日 16:20</span>
<div class="wz"><p>今年以来，该市投入资金3.2亿元，实施农村公路提档升级工程，新改建道路180公里。</p>
<p>工程完成后，全市所有行政村将实现通硬化路、通客车，群众出行更加便利。</p><p>下一步，该市将建立健全管护机制，确保道路建得好、管得好。</p></div></div>
<div class="comment"><p>网友评论：这条路修得真好，点赞！我们村也想修路。</p></div>
<div class="related"><a href="/x">相关新闻一则</a><a href="/y">相关新闻两则</a></div>
<div class="footer">Copyright 2023 某市新闻网 版权所有</div></body></html></html>`;

describe('htmlToArticle', () => {
  it('reads the older Founder template from the enpproperty comment and enpcontent', () => {
    const a = htmlToArticle(ENP_PAGE, 'http://zzwb.example/html/2017-11/02/content_1.htm');
    expect(a.title).toBe('新郑市召开秋冬季植树动员会');
    expect(a.introTitle).toBe('绿化提质 增绿添彩');
    expect(a.subTitle).toBe('今冬明春计划植树5万株');
    expect(a.published).toBe('2017-11-02');
    expect(a.page).toBe('X02 新郑时报 政务');
    expect(a.body).toContain('在城区绿化提升行动中');
    expect(a.body).not.toMatch(/版权声明|返回主页|上一版/);
    expect(a.byline).toBe('记者 王明 通讯员 李华 文/图');
  });

  it('reads the newer Founder template tags', () => {
    const a = htmlToArticle(TAG_PAGE);
    expect(a.title).toBe('荥阳市重点项目 集中开工');
    expect(a.introTitle).toBe('聚焦项目建设');
    expect(a.subTitle).toBe('总投资86亿元');
    expect(a.published).toBe('2018-03-05');
    expect(a.page).toBe('Y03 荥阳时报 综合');
    expect(a.byline).toBe('□晚报记者 张强');
    expect(a.body.split('\n\n')).toHaveLength(3);
  });

  it('reads portal meta tags and keeps the whole TRS body, tables included', () => {
    const a = htmlToArticle(PORTAL_PAGE);
    expect(a.title).toBe('某县召开安全生产工作会议');
    expect(a.published).toBe('2020-09-21');
    expect(a.body).toContain('9月20日');
    expect(a.body).toContain('坚决遏制事故发生');
    expect(a.body).toContain('检查企业 126家');
    expect(a.contentSource).toBe('县应急管理局');
    expect(a.body).not.toMatch(/版权所有|首页/);
  });

  it('finds the main text of an unknown layout and leaves menus, comments and footers out', () => {
    const a = htmlToArticle(GENERIC_PAGE);
    expect(a.title).toBe('乡村道路提档升级');
    expect(a.published).toBe('2021-05-08');
    expect(a.body.split('\n\n')).toHaveLength(3);
    expect(a.body).not.toMatch(/网友评论|要闻|相关新闻|Copyright/);
  });

  it('uses configured selectors and falls back when one finds nothing', () => {
    const a = htmlToArticle(GENERIC_PAGE, undefined, { selectors: { title: 'div.main h1', body: 'div.does-not-exist' } });
    expect(a.title).toBe('乡村道路提档升级');
    expect(a.body).toContain('新改建道路180公里');
  });

  it('takes the date from the URL when the page has none, never from a copyright line', () => {
    const html = '<html><body><div>Copyright 2024</div><div class="c"><p>该县举办农民丰收节活动，展示特色农产品一百余种，吸引游客上万人。</p></div></body></html>';
    expect(htmlToArticle(html, 'http://x.example/art/2019/9/3/art_12_345.html').published).toBe('2019-09-03');
  });
});

describe('htmlToArticle on pages users complain about', () => {
  it('does not take the site header clock or the copyright year for the publication date', () => {
    const html = `<html><body><div class="top">今天是：2024年11月26日 星期二 当前时间：2024-11-26</div>
<div class="news"><h2>某镇开展人居环境整治</h2><div class="info">日期：2021-06-15 来源：某镇人民政府</div>
<div class="v_news_content"><p>6月14日，某镇组织干部群众500余人开展人居环境集中整治，清理垃圾30余吨。</p><ul><li>清理河道3公里；</li><li>拆除违建12处。</li></ul></div></div>
<div class="foot">版权所有 2024</div></body></html>`;
    const a = htmlToArticle(html);
    expect(a.published).toBe('2021-06-15');
    expect(a.contentSource).toBe('某镇人民政府');
    expect(a.title).toBe('某镇开展人居环境整治');
    expect(a.body).toContain('清理河道3公里；\n\n拆除违建12处。');
  });

  it('keeps a byline empty rather than inventing one', () => {
    const html = '<html><body><div class="content"><p>县里召开会议，研究部署下半年重点工作，要求各部门狠抓落实。</p><p>会议强调，要确保全年目标任务圆满完成。</p></div></body></html>';
    expect(htmlToArticle(html).byline).toBeUndefined();
  });
});

describe('the generic extractor', () => {
  it('reads an old table-layout government page with <br> paragraphs', () => {
    const html = `<html><head><title>县委召开常委会议--某县政府网</title></head><body>
<table width="100%"><tr><td class="nav"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">县情概况</a> | <a href="/c">办事服务</a></td></tr></table>
<table width="980"><tr><td width="200" valign="top"><a href="/x1">通知公告一</a><br><a href="/x2">通知公告二</a><br><a href="/x3">通知公告三</a></td>
<td valign="top"><table><tr><td align="center"><b>县委召开常委会议</b></td></tr><tr><td align="center">时间：2019-08-12　　来源：县委办</td></tr>
<tr><td class="text">　　8月10日，县委召开常委会议，传达学习上级会议精神，研究部署近期重点工作。<br>　　会议指出，要扎实做好防汛救灾、安全生产等工作，确保全县大局稳定。<br>　　会议强调，各级各部门要增强责任意识，确保各项任务落到实处。<br></td></tr></table></td></tr></table>
<table><tr><td>Copyright 2019 某县人民政府 版权所有 地址：某县人民路1号</td></tr></table></body></html>`;
    const a = htmlToArticle(html);
    expect(a).toMatchObject({ title: '县委召开常委会议', published: '2019-08-12' });
    expect(a.body.split('\n\n')).toEqual([
      '8月10日，县委召开常委会议，传达学习上级会议精神，研究部署近期重点工作。',
      '会议指出，要扎实做好防汛救灾、安全生产等工作，确保全县大局稳定。',
      '会议强调，各级各部门要增强责任意识，确保各项任务落到实处。',
    ]);
  });

  it('keeps a body split over sibling blocks whole, and drops a comment box inside the container', () => {
    const html = `<html><body><div class="wrap"><div class="left"><h1>全县秋粮收购工作全面启动</h1>
<div class="a1"><p>10月8日，全县秋粮收购工作全面启动，设立收购网点26个，预计收购玉米等秋粮8万吨。</p><p>县发展改革委负责人介绍，今年秋粮收购坚持市场化收购为主，确保农民种粮收益。</p><p>收购期间，各网点实行挂牌收购，公开质量标准和收购价格。</p></div>
<div class="a2"><p>据了解，各收购网点均配备了烘干设备，方便群众就近售粮，避免霉变损失。</p></div>
<div class="pinglun"><p>网友：希望价格再高一点，农民种粮不容易啊，支持支持！</p></div></div>
<div class="right"><ul><li><a href="/1">热点新闻一则标题很长很长</a></li><li><a href="/2">热点新闻二则标题很长很长</a></li></ul></div></div></body></html>`;
    const body = htmlToArticle(html).body;
    expect(body).toContain('确保农民种粮收益');
    expect(body).toContain('避免霉变损失');
    expect(body).not.toMatch(/网友|热点新闻/);
  });
});

describe('older Founder table template without the enpproperty comment', () => {
  it('reads 引题, title and 副题 from the cells around td.font01', () => {
    const html = `<html><body><table><tr><td>第X03版:新郑时报 综合</td></tr></table>
<table><tr><td class="font02">守护一方平安</td></tr><tr><td class="font01">新郑市开展冬季治安巡防</td></tr><tr><td class="font02">出动警力1200人次</td></tr></table>
<div id="ozoom"><P>　　本报讯 入冬以来，新郑市公安局组织开展冬季治安巡防，共出动警力1200人次，排查隐患86处。</P><P>　　记者 王明</P></div></body></html>`;
    const a = htmlToArticle(html, 'http://zzwb.example/html/2017-12/05/content_1.htm');
    expect(a).toMatchObject({ title: '新郑市开展冬季治安巡防', introTitle: '守护一方平安', subTitle: '出动警力1200人次', page: 'X03 新郑时报 综合', published: '2017-12-05', byline: '记者 王明' });
  });
});

describe('the 版面 line of a Founder page', () => {
  it('stops the page name at the date or navigation printed beside it', () => {
    const html = `<html><body><table><tr><td>第X02版:新郑时报</td><td>2017年11月02日</td><td><a href="#">上一版</a></td></tr></table>
<founder-title>新郑市召开会议</founder-title><div id="ozoom"><founder-content><P>　　本报讯 11月1日，新郑市召开会议，部署冬季重点工作，要求各单位抓好落实。</P></founder-content></div></body></html>`;
    expect(htmlToArticle(html).page).toBe('X02 新郑时报');
  });
});

describe('the headline', () => {
  it('passes over a site name set in <h1> when <title> names the article', () => {
    const html = `<html><head><title>全县冬小麦播种基本结束_某县人民政府</title></head><body><h1>某县人民政府</h1>
<div class="con"><h2>全县冬小麦播种基本结束</h2><p>截至10月25日，全县冬小麦播种面积达到45万亩，占计划的98%以上，播种质量明显提高。</p></div></body></html>`;
    expect(htmlToArticle(html).title).toBe('全县冬小麦播种基本结束');
  });
});
