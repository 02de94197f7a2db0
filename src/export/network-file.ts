import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../errors.ts';
import type { Network } from '../query/network.ts';
import { VERSION } from '../version.ts';
import { csvLine } from './csv.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Edge list: source,target,weight plus each end's label, kind, place (name and code) and posts, for R igraph or pandas. */
export function networkCsv(n: Network): string {
  const nodes = new Map(n.nodes.map((x) => [x.id, x]));
  let s = csvLine(['source', 'target', 'weight', 'source_label', 'source_place', 'source_place_code', 'source_posts', 'target_label', 'target_kind', 'target_place', 'target_place_code', 'target_posts']);
  for (const e of n.edges) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    s += csvLine([e.source, e.target, e.weight, a?.label, a?.place, a?.placeCode, a?.posts.join('；'), b?.label, b?.kind, b?.place, b?.placeCode, b?.posts.join('；')]);
  }
  return s;
}

/** GEXF 1.3 (Gephi): nodes with kind, place and article counts; weighted undirected edges. */
export function networkGexf(n: Network): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>newsmine ${xml(VERSION)}</creator><description>${xml(`co-occurrence in articles: ${n.kind}`)}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="place" title="place" type="string"/>',
    '      <attribute id="place_code" title="place_code" type="string"/>',
    '      <attribute id="posts" title="posts" type="string"/>',
    '      <attribute id="articles" title="articles" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
    ...n.nodes.map((x) => `      <node id="${xml(x.id)}" label="${xml(x.label)}"><attvalues><attvalue for="kind" value="${x.kind}"/><attvalue for="place" value="${xml(x.place ?? '')}"/><attvalue for="place_code" value="${xml(x.placeCode ?? '')}"/><attvalue for="posts" value="${xml(x.posts.join('；'))}"/><attvalue for="articles" value="${x.articles}"/></attvalues></node>`),
    '    </nodes>',
    '    <edges>',
    ...n.edges.map((e, i) => `      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}"/>`),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return out.join('\n') + '\n';
}

/** Writes the network as .csv or .gexf, chosen by the file's extension. */
export function writeNetwork(n: Network, file: string): void {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.gexf') throw new UserError(`--out: "${file}" must end in .csv or .gexf`, 2);
  writeFileSync(file, ext === '.csv' ? networkCsv(n) : networkGexf(n));
}
