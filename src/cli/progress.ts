import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

/**
 * A progress bar on a TTY; elsewhere (cron, CI, pipes) a quiet line every `every`
 * items so logs show the job is alive without flooding them. Always on stderr,
 * so stdout stays clean for JSON.
 */
export function progress(total: number | undefined, what: string, every = 500): Progress {
  let done = 0;
  if (process.stderr.isTTY && total && total > 1) {
    const bar = new cliProgress.SingleBar(
      { format: `${what} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return {
      tick: (label) => bar.increment(1, { label: label ?? '' }),
      stop: () => bar.stop(),
    };
  }
  return {
    tick: () => {
      done++;
      if (done % every === 0) process.stderr.write(`${what}: ${done}${total ? `/${total}` : ''}\n`);
    },
    stop: () => {},
  };
}
