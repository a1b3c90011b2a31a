import { tables } from './tables.js';
import type { CompletionNode } from './tree.js';

/**
 * Zsh, natively (compsys: `_describe`, `_files`, `compadd`), not bash's script under
 * `bashcompinit`: commands and flags are offered with their descriptions. The command path is
 * found as bash's script finds it. (`path` is zsh's own array for PATH, hence `cmdpath`.)
 */
export function zsh(nodes: readonly CompletionNode[]): string {
  return `#compdef tokenkit
# tokenkit completion for zsh: source <(tokenkit completion zsh)
${tables(nodes, true)}
_tokenkit() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local cmdpath="" topic="" word value i
  local -a entries
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if [[ $word == -* ]]; then
      value=$(_tokenkit_value "$cmdpath" "$word")
      [[ -n $value && $word != *=* && $((i + 1)) -lt CURRENT ]] && ((i++))
      continue
    fi
    if [[ $cmdpath == help ]]; then
      entries=(\${(f)"$(_tokenkit_commands "$topic")"})
      (( \${entries[(I)$word:*]} )) && topic=\${topic:+$topic }$word
      continue
    fi
    entries=(\${(f)"$(_tokenkit_commands "$cmdpath")"})
    (( \${entries[(I)$word:*]} )) && cmdpath=\${cmdpath:+$cmdpath }$word
  done
  if [[ $prev == -* && $cur != -* ]]; then
    value=$(_tokenkit_value "$cmdpath" "$prev")
    case $value in
      '') ;;
      @files) _files; return ;;
      @any) _message 'value'; return ;;
      *) entries=(\${=value}); compadd -a entries; return ;;
    esac
  fi
  if [[ $cur == -* ]]; then
    entries=(\${(f)"$(_tokenkit_flags "$cmdpath")"})
    _describe -t flags 'flag' entries
  elif [[ $cmdpath == help ]]; then
    entries=(\${(f)"$(_tokenkit_commands "$topic")"})
    _describe -t commands 'help topic' entries
  else
    entries=(\${(f)"$(_tokenkit_commands "$cmdpath")"})
    (( \${#entries} )) && _describe -t commands 'command' entries
    value=$(_tokenkit_argument "$cmdpath")
    [[ -n $value && $value != @* ]] && { entries=(\${=value}); compadd -a entries; }
  fi
}
if (( $+functions[compdef] )); then
  compdef _tokenkit tokenkit
else
  autoload -Uz compinit && compinit && compdef _tokenkit tokenkit
fi
`;
}
