import { tables } from './tables.js';
import type { CompletionNode } from './tree.js';

/**
 * Bash: the words that may follow what was typed. The command path is rebuilt from the words so
 * far that name a subcommand, skipping each flag's value, so ids and names never confuse it;
 * after `help` the words name a topic, walked the same way from the top.
 */
export function bash(nodes: readonly CompletionNode[]): string {
  return `# tokenkit completion for bash: source <(tokenkit completion bash)
${tables(nodes, false)}
_tokenkit_offer() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}
_tokenkit() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath="" topic="" word value i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ "$word" == -* ]]; then
      value="$(_tokenkit_value "$cmdpath" "$word")"
      [[ -n "$value" && "$word" != *=* && $((i + 1)) -lt COMP_CWORD ]] && ((i++))
      continue
    fi
    if [[ "$cmdpath" == help ]]; then
      case " $(_tokenkit_commands "$topic") " in
        *" $word "*) topic="\${topic:+$topic }$word" ;;
      esac
      continue
    fi
    case " $(_tokenkit_commands "$cmdpath") " in
      *" $word "*) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done
  COMPREPLY=()
  if [[ "$prev" == -* && "$cur" != -* ]]; then
    value="$(_tokenkit_value "$cmdpath" "$prev")"
    case "$value" in
      "") ;;
      @files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
      @any) return ;;
      *) _tokenkit_offer "$value" "$cur"; return ;;
    esac
  fi
  if [[ "$cur" == -* ]]; then
    _tokenkit_offer "$(_tokenkit_flags "$cmdpath")" "$cur"
  elif [[ "$cmdpath" == help ]]; then
    _tokenkit_offer "$(_tokenkit_commands "$topic")" "$cur"
  else
    value="$(_tokenkit_argument "$cmdpath")"
    [[ "$value" == @* ]] && value=""
    _tokenkit_offer "$(_tokenkit_commands "$cmdpath") $value" "$cur"
  fi
}
complete -F _tokenkit tokenkit
`;
}
