import { describe, expectTypeOf, it } from 'vitest';
import type { Action } from '../../src/cli/action.js';
import type { JsonShape, PickedFields } from '../../src/output/json-shapes.js';
import type { Output } from '../../src/output/output.js';
import type {
  InstanaPermissionsJson,
  LosantCreatedJson,
  LosantListJson,
} from '../../src/tokens/json-shapes.js';
import { create, list } from '../../src/tokens/losant/actions.js';

declare const output: Output;

describe('--json prints only declared shapes', () => {
  it('printJson takes a declared shape and refuses any other object', () => {
    output.printJson({ vendor: 'instana', permissions: ['canViewLogs'] });
    // @ts-expect-error: no module declares this shape
    output.printJson({ vendor: 'instana', permission: ['canViewLogs'] });
    // @ts-expect-error: a plain record is not a `--json a,b` selection (see pickFields)
    output.printJson({ name: 'ci' } as Record<string, unknown>);
  });

  it("an action's toJson returns the shape it declares", () => {
    expectTypeOf(list.toJson).returns.toEqualTypeOf<LosantListJson | PickedFields[]>();
    expectTypeOf(create.toJson).returns.toEqualTypeOf<LosantCreatedJson>();
    expectTypeOf<LosantListJson>().toExtend<JsonShape>();
  });

  it('only a shape holding a new secret may, and must, be printed as one', () => {
    type Steps<Json extends JsonShape> = Omit<Action<undefined, Json, Json>, 'jsonHoldsSecret'>;
    const steps = {
      run: async () => ({ vendor: 'instana', permissions: [] }),
      renderHuman: () => {},
      toJson: (json) => json,
    } satisfies Steps<InstanaPermissionsJson>;
    const claims: Action<undefined, InstanaPermissionsJson, InstanaPermissionsJson> = {
      ...steps,
      // @ts-expect-error: a shape without `token` holds no secret
      jsonHoldsSecret: true,
    };
    // @ts-expect-error: a create's shape holds the secret, so the action must say so
    const silent: Action<undefined, LosantCreatedJson, LosantCreatedJson> = {
      run: async () => ({ token: 't', vendor: 'losant', owner: { kind: 'user' }, apiToken: {} }),
      renderHuman: () => {},
      toJson: (json) => json,
    };
    expectTypeOf(claims).not.toBeAny();
    expectTypeOf(silent).not.toBeAny();
  });
});
