import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { writeNetwork } from '../../export/network-file.ts';
import { coOccurrence, NETWORK_KINDS, type NetworkKind } from '../../query/network.ts';
import { storeFor } from '../context.ts';
import { addFilterOptions, filtersOf, printJson, type FilterCliOptions } from '../filter-options.ts';

export function registerNetwork(program: Command): void {
  const cmd = program
    .command('network')
    .description('Co-occurrence network (officials named in the same article) as a weighted edge list (.csv) or Gephi file (.gexf)')
    .option('--kind <kind>', 'officials or officials-initiatives', 'officials')
    .option('--out <file>', 'FILE.csv or FILE.gexf');
  addFilterOptions(cmd)
    .addHelpText('after', `
Nodes are officials by name + place (and initiatives); an edge's weight is the number of
articles naming both ends.

Examples:
  newsmine network --kind officials --out officials.gexf
  newsmine network --kind officials-initiatives --out campaigns.csv --from 2020`)
    .action((o: FilterCliOptions & { kind?: string; out?: string }, c: Command) => {
      if (!NETWORK_KINDS.includes(o.kind as NetworkKind)) throw new UserError(`--kind: "${o.kind}" (use ${NETWORK_KINDS.join(' or ')})`, 2);
      if (!o.out && !o.json) throw new UserError('--out FILE.csv|FILE.gexf is required (or --json for stdout)', 2);
      if (o.out && !/\.(csv|gexf)$/i.test(o.out)) throw new UserError(`--out: "${o.out}" must end in .csv or .gexf`, 2);
      const store = storeFor(c, { mustExist: true });
      let net;
      try {
        net = coOccurrence(store, o.kind as NetworkKind, filtersOf(o));
      } finally {
        store.close();
      }
      if (o.json) return printJson(net);
      writeNetwork(net, o.out!);
      process.stdout.write(`${net.nodes.length} nodes, ${net.edges.length} edges written to ${o.out}\n`);
    });
}
