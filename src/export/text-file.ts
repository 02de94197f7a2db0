import { closeSync, openSync, writeSync } from 'node:fs';

/** Flush to disk past this many UTF-16 units: large enough for few syscalls, small enough to keep memory flat. */
const FLUSH_AT = 1 << 20;

/** An append-only UTF-8 text file with a write buffer, written synchronously. */
export class TextFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
