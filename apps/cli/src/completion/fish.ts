import type { CompletionFlag, CompletionNode } from './tree.js';

function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** `-l out -s f`: a flag's names as fish's `complete` takes them. */
function names(flag: CompletionFlag): string {
  return flag.names
    .map((name) => (name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`))
    .join(' ');
}

/** How a flag's value completes: files (`-r -F`), words (`-x -a …`), anything (`-x`), or none. */
function valueSpec(flag: CompletionFlag): string {
  if (!flag.takesValue) return '-f';
  if (flag.values === 'files') return '-r -F';
  if (flag.values === undefined) return '-x';
  return `-x -a ${fishQuote(flag.values.join(' '))}`;
}

function nodeLines(node: CompletionNode): string[] {
  const when = `-n ${fishQuote(`test (__tokenkit_path) = ${fishQuote(node.path)}`)}`;
  const argument =
    Array.isArray(node.argument) && node.argument.length > 0
      ? [`complete -c tokenkit -f ${when} -a ${fishQuote(node.argument.join(' '))}`]
      : [];
  return [
    ...node.commands.map(
      (child) => `complete -c tokenkit -f ${when} -a ${child.name} -d ${fishQuote(child.summary)}`,
    ),
    ...argument,
    ...node.flags.map(
      (flag) =>
        `complete -c tokenkit ${when} ${names(flag)} ${valueSpec(flag)} -d ${fishQuote(flag.description)}`,
    ),
  ];
}

/**
 * Fish: one `complete` line per subcommand and flag, guarded by the command path, with each
 * flag's values (files after a file flag). After `help`, the topics are the tree's commands.
 */
export function fish(nodes: readonly CompletionNode[]): string {
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
# The command path typed so far (after \`help\`: the topic's path), from the subcommand words.
function __tokenkit_walk
  set -l path ''
  for word in $argv
    if contains -- $word (string split ' ' (__tokenkit_commands $path))
      set path (string trim -- "$path $word")
    end
  end
  echo $path
end
function __tokenkit_path
  set -l words (commandline -opc)[2..-1]
  if test "$words[1]" = help
    echo help
  else
    __tokenkit_walk $words
  end
end
function __tokenkit_topic
  __tokenkit_commands (__tokenkit_walk (commandline -opc)[3..-1])
end
complete -c tokenkit -f -n 'test (__tokenkit_path) = help' -a '(string split " " (__tokenkit_topic))'
${nodes.flatMap(nodeLines).join('\n')}
`;
}
