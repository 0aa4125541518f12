/** A stream that keeps what a logger writes, one JSON line per entry, for tests that read the log. */
import { Writable } from 'node:stream';

export function logLines(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, sink };
}
