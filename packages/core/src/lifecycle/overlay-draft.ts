/** A replacement as a store builds it: the create body, and the fields carried over. */
export interface BuiltReplacement<Draft> {
  draft: Draft;
  kept: string[];
}

/**
 * Sets the fields of `given` (a rotation's `overrides.draft`) over a replacement a store built
 * from the old token: a field given wins, one given as `undefined` is left out, and neither is
 * reported as kept any more. `groups` names the draft fields a kept name stands for (Instana's
 * `permissions` stands for its permission flags).
 * @default groups {} (each kept name is one draft field)
 */
export function overlayDraft<Draft>(
  built: BuiltReplacement<Draft>,
  given: { [Field in keyof Draft]?: Draft[Field] | undefined } | undefined,
  groups: Readonly<Record<string, readonly string[]>> = {},
): BuiltReplacement<Draft> {
  if (given === undefined) return built;
  const draft: Record<string, unknown> = { ...(built.draft as object) };
  for (const [field, value] of Object.entries(given)) {
    if (value === undefined) delete draft[field];
    else draft[field] = value;
  }
  const set = (field: string) => Object.hasOwn(given, field);
  const kept = built.kept.filter((name) => !set(name) && !(groups[name] ?? []).some(set));
  return { draft: draft as Draft, kept };
}
