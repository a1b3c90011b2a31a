import type { Command } from 'commander';
import { group } from './group.js';

/** A vendor's command group and its `tokens` group, which several capabilities add to. */
export interface VendorGroups {
  /** `tokenkit losant`, `tokenkit instana`. */
  vendor: Command;
  /** `tokenkit losant tokens`, `tokenkit instana tokens`. */
  tokens: Command;
}

/**
 * The groups capabilities register their commands into: the token commands and `rotate` both
 * go under a vendor's `tokens`, so neither has to find the other's command in the tree.
 */
export interface CommandTree {
  program: Command;
  losant: VendorGroups;
  instana: VendorGroups;
}

/** Creates the vendor groups under `program` (they come first in its help). */
export function commandTree(program: Command): CommandTree {
  const losant = group(
    program,
    'losant',
    'Losant instance, application and user API tokens',
    'Losant API tokens of an instance, an application or your user. Every tokens command ' +
      'takes exactly one owner: --instance ID, --application ID or --user.\n\n' +
      'Credentials: LOSANT_ACCESS_TOKEN (or --token-stdin), LOSANT_API_URL.',
  );
  const instana = group(
    program,
    'instana',
    'IBM Instana API tokens',
    'IBM Instana API tokens of one tenant unit. The token used needs the ' +
      'canConfigureApiTokens permission.\n\n' +
      'Credentials: INSTANA_API_TOKEN (or --token-stdin) and INSTANA_BASE_URL.',
  );
  return {
    program,
    losant: {
      vendor: losant,
      tokens: group(
        losant,
        'tokens',
        'list, show, create, update and delete tokens',
        'List, show, create, update and delete the API tokens of one Losant owner.',
      ),
    },
    instana: {
      vendor: instana,
      tokens: group(
        instana,
        'tokens',
        'list, show, create, update and delete API tokens',
        'List, show, create, update and delete the API tokens of the tenant unit.',
      ),
    },
  };
}
