import { describe, expect, it } from 'vitest';
import { findOrgs } from '../../src/nlp/orgs.ts';
import { analyse } from '../../src/nlp/analysis.ts';

const orgs = (text: string) => findOrgs(analyse(text)).map((o) => o.text);

describe('findOrgs', () => {
  it('finds towns, villages, streets and communities, also when they follow each other', () => {
    expect(orgs('观摩组先后来到后河镇前卢村、大周镇孟排村、建设路街道东关社区。')).toEqual([
      '后河镇', '前卢村', '大周镇', '孟排村', '建设路街道', '东关社区',
    ]);
    expect(orgs('走进鄢陵县南坞镇姚家村，道路两旁')).toEqual(['南坞镇', '姚家村']);
  });

  it('stops the name at the verb before it', () => {
    expect(orgs('副市长深入鸿畅镇、方山镇等地调研')).toEqual(['鸿畅镇', '方山镇']);
    expect(orgs('位于紫云镇的康养小镇项目')).toEqual(['紫云镇']);
  });

  it('counts a town named only inside a title', () => {
    expect(orgs('城关镇党委书记马东辉作交流发言')).toEqual(['城关镇']);
  });

  it('finds zones, management committees and companies', () => {
    expect(orgs('将落户襄城县循环经济产业集聚区')).toEqual(['襄城县循环经济产业集聚区']);
    expect(orgs('对某某市东港产业集聚区申报省级经济技术开发区进行评审')).toEqual(['东港产业集聚区']);
    expect(orgs('人民路街道、李庄镇、青龙山管委会作了表态发言')).toEqual(['人民路街道', '李庄镇', '青龙山管委会']);
    expect(orgs('观摩了大周产业集聚区河南金汇再生金属有限公司')).toEqual(['大周产业集聚区', '河南金汇再生金属有限公司']);
  });

  it('takes firms named in a list that ends in 等企业', () => {
    expect(orgs('先后到豫丰面业股份有限公司、华原国际商贸城、康宁药业等企业调研')).toEqual([
      '豫丰面业股份有限公司', '华原国际商贸城', '康宁药业',
    ]);
  });

  it('takes towns named with an everyday word or glued by jieba into one, at a clear boundary', () => {
    expect(orgs('委员将在大像山镇、新兴镇开展活动')).toEqual(['大像山镇', '新兴镇']);
    expect(orgs('当天，胡集镇、韩山镇同时开工')).toEqual(['胡集镇', '韩山镇']);
    // X城镇 is a town when jieba holds it whole or leaves a rare character alone before 城镇.
    expect(orgs('阜城镇、崔庙镇作了表态发言')).toEqual(['阜城镇', '崔庙镇']);
    expect(orgs('重点实施建桥乡、古城镇等5个乡镇的整治')).toEqual(['建桥乡', '古城镇']);
    // …but not a word before a head that starts a longer word, nor a time word.
    expect(orgs('他说，只要乡亲们需要就干下去。去年村集体收入增长')).toEqual([]);
  });

  it('does not take kinds of places for places', () => {
    expect(orgs('抓党建促乡村振兴，完成农村公路新改建，各乡镇(街道)要对照目标')).toEqual([]);
    expect(orgs('35个贫困村、软弱涣散村和集体经济薄弱村，驻村第一书记，该村依托扶贫车间')).toEqual([]);
    expect(orgs('全县已建成村级综合服务中心356个')).toEqual([]);
    expect(orgs('新增城镇就业，统筹城乡发展，千年古镇')).toEqual([]);
    expect(orgs('来到付店镇谷城村调研')).toEqual(['付店镇', '谷城村']);
    expect(orgs('吸纳本村及周边村的村民，回到家乡，江南水乡，排名第一的镇')).toEqual([]);
    expect(orgs('落实“县不漏镇、镇不漏村”，再与浙江竹乡工艺品有限公司合作')).toEqual(['浙江竹乡工艺品有限公司']);
    expect(orgs('乡里依托“万企兴万村”行动，拟任车溪乡党委书记，依法罢免村委会主任')).toEqual(['车溪乡']);
  });

  it('finds Inner Mongolian townships and villages, firms named for their trade, each firm once', () => {
    expect(orgs('在小佘太镇巴音嘎查建设基地，额尔登布拉格苏木党委书记')).toEqual(['小佘太镇', '巴音嘎查', '额尔登布拉格苏木']);
    expect(orgs('广西交通投资集团有限公司副总经理出席')).toEqual(['广西交通投资集团有限公司']);
    expect(orgs('来到新港产业集聚区管委会，听取汇报')).toEqual(['新港产业集聚区管委会']);
    expect(orgs('深入开展反诈宣传进社区、进农村，来到幸福社区和出山镇')).toEqual(['幸福社区', '出山镇']);
    expect(orgs('力争到2025年全镇乐器产值突破5亿元，“弹”出乡村振兴曲')).toEqual([]);
    expect(orgs('与深圳市恒润冷链物流有限公司签约。恒润冷链物流有限公司将投资')).toEqual(['深圳市恒润冷链物流有限公司']);
  });

  it('takes no verb, direction word or phrase before a head for a town or village', () => {
    // A town does not follow a town: the verb after the subject is no town's name.
    expect(orgs('清河镇召集镇村两级干部召开动员会')).toEqual(['清河镇']);
    expect(orgs('会上，最后镇党委书记作了表态发言')).toEqual([]);
    // A frequent word jieba left alone before 农村 or 乡村 is no village's first character…
    expect(orgs('要办好农村合作医疗，推进石桥山乡村振兴示范带建设')).toEqual([]);
    // …while a surname or a rare character is (马|集镇).
    expect(orgs('上午，马集镇、刘集镇同时开工')).toEqual(['马集镇', '刘集镇']);
  });

  it('reads a count before the head as several places', () => {
    expect(orgs('关庄、柳林两乡的群众赶来参加')).toEqual(['关庄乡', '柳林乡']);
  });

  it('takes no honour for a township', () => {
    expect(orgs('这里被誉为中华梨乡，每年春天')).toEqual([]);
  });

  it('starts a zone or firm after a verb or a description before it', () => {
    expect(orgs('要依托洛阳国家高新区，带动周边')).toEqual(['洛阳国家高新区']);
    expect(orgs('副市长调研高新区，察看项目')).toEqual(['高新区']);
    expect(orgs('县属国有企业某某城建集团有限公司负责施工')).toEqual(['某某城建集团有限公司']);
  });

  it('finds offices, bare zones, committees and bracketed names', () => {
    expect(orgs('经开区梧桐办事处的网格员')).toEqual(['经开区', '梧桐办事处']);
    expect(orgs('在新安县国家农高区筹委会，他了解了规划')).toEqual(['新安县国家农高区筹委会']);
    expect(orgs('来到泰和嘉诚(洛阳)绿色食品产业园参观')).toEqual(['泰和嘉诚(洛阳)绿色食品产业园']);
    // 产业园 and 示范区 name projects and designations as often as zones.
    expect(orgs('建设茶叶电商产业园项目，打造国家自主创新示范区')).toEqual([]);
  });

  it('takes state utilities named by place and trade', () => {
    expect(orgs('来自湖南电力、江苏苏州电力的抢修队员')).toEqual(['湖南电力', '江苏苏州电力']);
    expect(orgs('完善电力设施，保障石油化工企业')).toEqual([]);
  });

  it('takes no trade listed before 等企业 for a firm', () => {
    expect(orgs('督查了粮食仓储、建筑施工、危险化学品等企业')).toEqual([]);
  });

  it('takes no kind of place, phrase cut off by the length limit, or glued function word', () => {
    expect(orgs('推进新型农村社区建设，打造特色小镇')).toEqual([]);
    expect(orgs('秋日暖阳映乡野，游人如织')).toEqual([]);
    expect(orgs('工作组对李家洼村村容村貌进行整治')).toEqual(['李家洼村']);
    expect(orgs('要以红旗村为样板，全面推开')).toEqual(['红旗村']);
    // 原 (former) belongs to the title after the village.
    expect(orgs('这位石井镇原柳沟村支书')).toEqual(['石井镇', '柳沟村']);
  });
  it('starts the name after list openers, quantifiers, prepositions and verbs', () => {
    // An enumerator and a quantifier before a bare head: no name at all.
    expect(orgs('会上提出两点意见：二是各街道办事处要加强巡查')).toEqual([]);
    // A person's name and a preposition before the head.
    expect(orgs('会议听取了李明关于办事处安全生产的汇报。')).toEqual([]);
    // A verb before a town jieba reads whole.
    expect(orgs('要进一步助推双河镇旅游发展')).toEqual(['双河镇']);
  });

  it('does not start a name inside the word before it', () => {
    // 县域|村镇: the general word for villages and towns, no town.
    expect(orgs('编制完成县域村镇布局规划')).toEqual([]);
    // A common character left alone before a town jieba reads whole is no part of it.
    expect(orgs('加快撤村并城新市镇社区建设')).not.toContain('城新市镇');
  });
});

