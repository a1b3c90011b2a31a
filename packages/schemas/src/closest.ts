import leven from 'leven';

/** How names are compared: lower case, without `_` or `-`. */
function fold(name: string): string {
  return name.replaceAll(/[_-]/g, '').toLowerCase();
}

/**
 * The candidate that `input` most likely means, or `undefined` when none is close enough to be
 * a plausible typo. Names are compared without case, `_` or `-`, so a casing slip
 * (`all.user` → `all.User`, `canConfigureAPITokens` → `canConfigureApiTokens`) or a snake_case
 * spelling (`can_configure_api_tokens`) is found at distance 0; otherwise the candidate with the
 * fewest edits (Levenshtein distance) wins if at most about a third of `input` differs (at
 * least 2 edits are always allowed). On a tie the earlier candidate wins.
 *
 * @example
 * closest('all.user', allScopes); // 'all.User'
 * closest('instanceApiTokens.gte', allScopes); // 'instanceApiTokens.get'
 * closest('foo.bar', allScopes); // undefined
 */
export function closest<const T extends string>(
  input: string,
  candidates: readonly T[],
): T | undefined {
  const target = fold(input);
  let best: T | undefined;
  // leven stops counting at `maxDistance`, so a long pasted value costs little.
  let bestDistance = Math.max(2, Math.ceil(target.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = leven(target, fold(candidate), { maxDistance: bestDistance });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
