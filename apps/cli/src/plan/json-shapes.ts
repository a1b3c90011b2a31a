import type { AppliedRecord, FailedRecord, PlanJson } from '@tokenkit/plan';

/** A change record of `apply --json`: the record without the internal `outcome` tag. */
export type ApplyRecordJson = Omit<AppliedRecord, 'outcome'> | Omit<FailedRecord, 'outcome'>;

/** `tokenkit apply --json`: what was applied and what failed (each failure with its `error`). */
export interface ApplyJson {
  applied: ApplyRecordJson[];
  failed: ApplyRecordJson[];
}

declare module '../output/json-shapes.js' {
  interface JsonShapes {
    /** `tokenkit plan --json`, as `@tokenkit/plan`'s `planJson` builds it. */
    plan: PlanJson;
    apply: ApplyJson;
  }
}
