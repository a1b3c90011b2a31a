/**
 * The JSON documents commands print with `--json`, each declared as a type beside the code that
 * builds it and registered here by the module that declares it:
 *
 * ```ts fragment
 * declare module '../output/json-shapes.js' {
 *   interface JsonShapes { losantList: LosantListJson }
 * }
 * ```
 *
 * `Output.printJson` takes only a registered shape, so what a command prints is what it
 * declares. Shapes are stable for scripts (the README documents them): fields may be added,
 * none renamed or removed.
 */
export interface JsonShapes {
  /** `get --json a,b`: only the asked-for fields of one token. */
  fields: PickedFields;
  /** `list --json a,b`: only the asked-for fields of each token. */
  fieldsList: PickedFields[];
}

/** Any declared `--json` document. */
export type JsonShape = JsonShapes[keyof JsonShapes];

declare const picked: unique symbol;

/**
 * A record holding only the fields `--json a,b` asked for (see `pickFields`). Branded so that an
 * arbitrary object is not taken for one.
 */
export type PickedFields = Readonly<Record<string, unknown>> & { readonly [picked]: true };
