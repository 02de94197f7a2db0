// The memory floor of a stage process: Node, tsx, jieba's dictionaries and SQLite
// loaded, no work done. Every stage's peak includes this much.
import Database from 'better-sqlite3';
import { segment } from '../../src/nlp/segment.ts';
import type { Stage } from '../measure.ts';

export const stage: Stage = {
  async run() {
    segment('预热');
    new Database(':memory:').close();
    return { available: true, metrics: {} };
  },
};
