import { Argument, type Command } from 'commander';

const shells = ['bash', 'zsh', 'fish'];

/** `tokenkit completion bash|zsh|fish`: a shell completion script made from this command tree. */
export function registerCompletionCommand(program: Command): void {
  program
    .command('completion')
    .summary('Print a shell completion script (bash, zsh or fish)')
    .description(
      'Print a completion script for your shell, generated from the command tree, so it ' +
        'always knows every command, flag and fixed value of this version (scopes and ' +
        'permissions included), and completes file names after file flags.\n\n' +
        'bash:  source <(tokenkit completion bash)    (or add that line to ~/.bashrc)\n' +
        'zsh:   source <(tokenkit completion zsh)     (or add that line to ~/.zshrc)\n' +
        'fish:  tokenkit completion fish > ~/.config/fish/completions/tokenkit.fish',
    )
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(shells))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionNodes } = await import('./tree.js');
      const { completionScript } = await import('./scripts.js');
      const { allScopes } = await import('@tokenkit/schemas/losant');
      const { permissionNames } = await import('@tokenkit/schemas/instana');
      const lists = { scopes: allScopes, permissions: permissionNames };
      process.stdout.write(completionScript(shell, completionNodes(program, lists)));
    });
}
