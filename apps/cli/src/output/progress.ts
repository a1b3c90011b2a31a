import type { Output } from './output.js';

/** A single status line on stderr that redraws in place. */
export interface Progress {
  update(text: string): void;
  done(): void;
}

const clearLine = '\r\u001b[2K';

/**
 * A progress line for long listings. It is drawn only when stderr is a terminal: in a pipe or
 * a CI log a redrawing line is noise. stdout (a table or JSON) is never touched.
 */
export function createProgress(output: Output): Progress {
  if (!output.interactiveStderr) return { update() {}, done() {} };
  let drawn = false;
  return {
    update(text) {
      output.noteRaw(`${clearLine}${output.errorColor.dim(text)}`);
      drawn = true;
    },
    done() {
      if (drawn) output.noteRaw(clearLine);
      drawn = false;
    },
  };
}
