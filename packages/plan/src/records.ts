import type { Entry, LiveToken } from './types.js';

/** What the plan does to a declared or live token. */
export type ChangeAction = 'create' | 'update' | 'replace' | 'rotate' | 'delete';

/** Every verdict of a plan: a change, or one of the three that change nothing. */
export type PlanAction = ChangeAction | 'unchanged' | 'unmanaged' | 'conflict';

/** One token in a plan, as `--json` prints it. Never holds a secret. */
export interface TokenRecord<Action extends PlanAction = PlanAction> {
  readonly action: Action;
  readonly vendor: 'losant' | 'instana';
  /** `application:<id>`, `instance:<id>`, `user`, or `tenant` (Instana). */
  readonly owner: string;
  readonly name: string;
  /** The live token's id; `null` for a token still to be created, or for a conflict. */
  readonly id: string | null;
  readonly reasons: readonly string[];
}

/** A change with what apply needs to carry it out. */
export interface PlannedChange {
  readonly record: TokenRecord<ChangeAction>;
  /** The declared token (absent for a delete). */
  readonly entry: Entry | undefined;
  /** The live token it acts on (absent for a create). */
  readonly live: LiveToken | undefined;
}

/** What a plan found: the changes to make, and the tokens it leaves as they are. */
export interface Plan {
  readonly changes: readonly PlannedChange[];
  readonly unchanged: readonly TokenRecord<'unchanged'>[];
  readonly unmanaged: readonly TokenRecord<'unmanaged'>[];
  readonly conflicts: readonly TokenRecord<'conflict'>[];
  /** Things the reader should know that belong to no one token. */
  readonly notes: readonly string[];
}

/** The plan as `tokenkit plan --json` prints it. */
export interface PlanJson {
  changes: TokenRecord<ChangeAction>[];
  unchanged: TokenRecord<'unchanged'>[];
  unmanaged: TokenRecord<'unmanaged'>[];
  conflicts: TokenRecord<'conflict'>[];
  notes: string[];
}

/**
 * The plan as plain data: `{ changes, unchanged, unmanaged, conflicts, notes }`, each a list of
 * `{ action, vendor, owner, name, id, reasons }`.
 */
export function planJson(plan: Plan): PlanJson {
  return {
    changes: plan.changes.map((change) => change.record),
    unchanged: [...plan.unchanged],
    unmanaged: [...plan.unmanaged],
    conflicts: [...plan.conflicts],
    notes: [...plan.notes],
  };
}
