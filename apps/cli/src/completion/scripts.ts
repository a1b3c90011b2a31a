import { bash } from './bash.js';
import { fish } from './fish.js';
import type { CompletionNode } from './tree.js';
import { zsh } from './zsh.js';

/** The shells `tokenkit completion` writes a script for. */
export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

/** The completion script for `shell`, generated from the command tree. */
export function completionScript(shell: Shell, nodes: readonly CompletionNode[]): string {
  switch (shell) {
    case 'bash':
      return bash(nodes);
    case 'zsh':
      return zsh(nodes);
    case 'fish':
      return fish(nodes);
  }
}
