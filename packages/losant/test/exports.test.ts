import { describe, expect, it } from 'vitest';
import {
  allScopes,
  applicationScopes,
  DEFAULT_URL,
  instanceScopes,
  organizationScopes,
  userScopes,
} from '../src/index.js';

describe('what the CLI imports instead of keeping copies', () => {
  it('the scope families, 500 scopes in all, each in exactly one family', () => {
    const families = [applicationScopes, organizationScopes, instanceScopes, userScopes];
    expect(families.map((family) => family.length)).toEqual([322, 40, 84, 54]);
    expect(new Set(allScopes).size).toBe(500);
    expect([...allScopes].sort()).toEqual(families.flat().sort());
    expect(userScopes).toContain('all.User');
    expect(instanceScopes).toContain('all.Instance.read');
  });

  it('the default URL', () => {
    expect(DEFAULT_URL).toBe('https://api.losant.com');
  });
});
