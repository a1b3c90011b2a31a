import type { CompletionNode } from './tree.js';

/** The shells `tokenkit completion` writes a script for. */
export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

function bashCases(nodes: readonly CompletionNode[], pick: (node: CompletionNode) => string[]) {
  return nodes.map((node) => `    "${node.path}") echo "${pick(node).join(' ')}" ;;`).join('\n');
}

/**
 * Bash: the words that may follow each command path. The path is rebuilt from the words
 * typed so far that name a subcommand, so option values (ids, names) never confuse it.
 */
function bash(nodes: readonly CompletionNode[]): string {
  return `# tokenkit completion for bash: source <(tokenkit completion bash)
_tokenkit_commands() {
  case "$1" in
${bashCases(nodes, (node) => node.commands.map((child) => child.name))}
  esac
}
_tokenkit_flags() {
  case "$1" in
${bashCases(nodes, (node) => node.flags)}
  esac
}
_tokenkit() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case " $(_tokenkit_commands "$path") " in
      *" $word "*) path="\${path:+$path }$word" ;;
    esac
  done
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_tokenkit_flags "$path")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_tokenkit_commands "$path")" -- "$cur"))
  fi
}
complete -F _tokenkit tokenkit
`;
}

/** Zsh runs the bash script through its own bash-completion layer. */
function zsh(nodes: readonly CompletionNode[]): string {
  return `# tokenkit completion for zsh: source <(tokenkit completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(nodes).split('\n').slice(1).join('\n')}`;
}

function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Fish: one `complete` line per subcommand and flag, guarded by the command path. */
function fish(nodes: readonly CompletionNode[]): string {
  const lines = nodes.flatMap((node) => {
    const when = `-n ${fishQuote(`test (__tokenkit_path) = ${fishQuote(node.path)}`)}`;
    return [
      ...node.commands.map(
        (child) =>
          `complete -c tokenkit -f ${when} -a ${child.name} -d ${fishQuote(child.summary)}`,
      ),
      ...node.flags.map((flag) => `complete -c tokenkit -f ${when} -l ${flag.slice(2)}`),
    ];
  });
  const commandsOf = nodes
    .map(
      (node) =>
        `    case ${fishQuote(node.path)}\n      echo ${node.commands.map((c) => c.name).join(' ')}`,
    )
    .join('\n');
  return `# tokenkit completion for fish: tokenkit completion fish | source
function __tokenkit_commands
  switch $argv[1]
${commandsOf}
  end
end
function __tokenkit_path
  set -l path ''
  for word in (commandline -opc)[2..-1]
    if contains -- $word (string split ' ' (__tokenkit_commands $path))
      set path (string trim -- "$path $word")
    end
  end
  echo $path
end
${lines.join('\n')}
`;
}

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
