/**
 * Progress on a terminal: one line on stderr rewritten in place, shown only
 * when stderr is a TTY and the work has lasted more than a moment.
 */
import type { CliIO } from './cli';

/** Work shorter than this shows no progress at all. */
const SHOW_AFTER_MS = 400;
/** Redraw at most this often. */
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(phase: string, done: number, total: number): void;
  /** Clears the progress line. */
  done(): void;
}

export function createProgress(io: CliIO, enabled: boolean = Boolean(process.stderr.isTTY)): Progress {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(phase, done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || (now - lastDraw < REDRAW_EVERY_MS && done < total)) return;
      lastDraw = now;
      drawn = true;
      const pct = total ? Math.floor((100 * done) / total) : 100;
      io.stderr(`\r\x1b[K${phase} ${done}/${total} (${pct}%)`);
    },
    done() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
