import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { usageError } from '../errors.js';
import { builtInPolicy } from './built-in-policy.js';
import type { AuditPolicy } from './policy.js';

/** Where the CLI ships the policy's JSON Schema: beside `dist/`, in the package root. */
export const policySchemaFile = fileURLToPath(
  new URL('../audit-policy.schema.json', import.meta.url),
);

/** The name `--init-policy` writes when given none. */
export const defaultPolicyFile = 'tokenkit-policy.json';

/** `overrides[0].match.applicationId`: an issue path as people write it. */
function fieldPath(segments: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of segments) {
    text += typeof segment === 'number' ? `[${segment}]` : `${text ? '.' : ''}${String(segment)}`;
  }
  return text || '(the file)';
}

function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'it may not be read (permission denied)';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return `it could not be read (${code ?? String(error)})`;
}

/**
 * Reads and checks a `--policy` file. Every problem is a usage error (exit 2) that names the
 * file and each offending field, before any request is sent.
 */
export async function loadPolicy(file: string): Promise<AuditPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw usageError(`--policy ${file}: ${fileProblem(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageError(`--policy ${file} is not JSON: ${(error as Error).message}`);
  }
  const { auditPolicySchema } = await import('./policy-schema.js');
  const parsed = auditPolicySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${fieldPath(issue.path)}: ${issue.message}`,
    );
    throw usageError(
      `--policy ${file} is not a valid policy: ${problems.join('; ')}`,
      `the fields are described in ${policySchemaFile}`,
    );
  }
  return parsed.data;
}

/**
 * The policy's JSON Schema as the npm package publishes it (the same file as
 * {@link policySchemaFile}): a `$schema` that resolves wherever the policy is committed.
 */
export const policySchemaUrl = 'https://unpkg.com/@tokenkit/cli/audit-policy.schema.json';

/**
 * Writes a starter policy holding today's built-in rules, with `$schema` pointing at the
 * published JSON Schema so editors complete and check it. Never overwrites a file.
 */
export async function writeStarterPolicy(file: string): Promise<void> {
  const starter = { $schema: policySchemaUrl, ...builtInPolicy };
  try {
    await writeFile(file, `${JSON.stringify(starter, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw usageError(
        `--init-policy ${file}: the file already exists`,
        'choose another name or move it away',
      );
    }
    throw usageError(`--init-policy ${file}: ${fileProblem(error).replace('read', 'written')}`);
  }
}
