import type { Command } from 'commander';
import type { Streams } from '../output/output.js';

/**
 * What a program embedded in another run (the demo running tokenkit's own commands) uses
 * instead of the process's: its environment, its streams and its clock.
 */
export interface Embedding {
  env: NodeJS.ProcessEnv;
  streams: Streams;
  now: () => Date;
}

const embeddings = new WeakMap<Command, Embedding>();

/** Makes every command of `program` run with `embedding` instead of the process's. */
export function embed(program: Command, embedding: Embedding): void {
  embeddings.set(program, embedding);
}

/** The embedding of the program `command` belongs to, if any. */
export function embeddingOf(command: Command): Embedding | undefined {
  let root = command;
  while (root.parent) root = root.parent;
  return embeddings.get(root);
}
