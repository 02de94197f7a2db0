// What the figures were measured on. The machines are shared: the load average at
// the start and end of a run says how much else was running.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  memory: string;
  node: string;
  sqlite: string;
  platform: string;
  loadavg: number[];
}

function cpuModel(): string {
  if (existsSync('/proc/cpuinfo')) {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function memory(): string {
  try {
    // `free -h`'s Mem line: total, used, free, shared, buff/cache, available.
    const line = execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Mem:'));
    if (line) {
      const [, total, , , , , available] = line.trim().split(/\s+/);
      return `${total} total, ${available} available`;
    }
  } catch { /* no procps: fall back to Node's figure */ }
  return `${(os.totalmem() / 2 ** 30).toFixed(1)}Gi total`;
}

export function describeMachine(sqliteVersion: string): Machine {
  return {
    nproc: os.availableParallelism(),
    cpu: cpuModel(),
    memory: memory(),
    node: process.version,
    sqlite: sqliteVersion,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
