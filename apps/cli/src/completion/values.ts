import type { Option } from 'commander';

/**
 * What a value completes to: a fixed list of words, the files of the folder, or nothing known
 * (`undefined`, a free value such as an id).
 */
export type ValueCompletion = readonly string[] | 'files' | undefined;

/** The words that some flags' values are drawn from, loaded by the caller from the SDKs. */
export interface ValueLists {
  /** Every Losant scope (`--scope`). */
  scopes: readonly string[];
  /** Every Instana permission (`--permission`, `--revoke-permission`). */
  permissions: readonly string[];
}

/**
 * What an option's value completes to: its declared choices (`--format`, `--sort-field`…), a
 * file when its value is named `<file>` (`--out <file>`, `--policy <file>`, `-f, --file <file>`),
 * a scope or a permission by what the flag asks for, or nothing known.
 */
export function optionValues(option: Option, lists: ValueLists): ValueCompletion {
  if (option.argChoices?.length) return option.argChoices;
  if (/<file>|\[file\]/.test(option.flags)) return 'files';
  if (option.long === '--scope') return lists.scopes;
  if (option.long === '--permission' || option.long === '--revoke-permission') {
    return lists.permissions;
  }
  return undefined;
}
