// The registry's newest official Losant client, losant-rest 2.8.1 (API v1.20.1): its JSON
// schemas and its generated doc comments are the vendor's own word to test against.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const root = dirname(createRequire(import.meta.url).resolve('losant-rest/package.json'));

/** The losant-rest version these tests read. */
export const vendorVersion: string = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

/** The token schemas of losant-rest, by file name. */
export const vendorSchemaNames = [
  'apiToken',
  'apiTokens',
  'apiTokenPost',
  'apiTokenPatch',
  'error',
  'success',
] as const;
export type VendorSchemaName = (typeof vendorSchemaNames)[number];

/** A JSON schema as far as these tests look into it. */
export interface JsonSchema {
  $schema?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  required?: string[];
  additionalProperties?: boolean;
}

/** Reads one of losant-rest's JSON schemas. */
export function vendorSchema(name: VendorSchemaName): JsonSchema {
  return JSON.parse(readFileSync(join(root, 'lib', 'schemas', `${name}.json`), 'utf8'));
}

// The files declare draft-04, which ajv 8 does not ship. They use only keywords whose
// meaning draft-04 and draft-07 share (type, properties, enum, pattern, min/maxLength,
// uniqueItems, oneOf, required, additionalProperties, format), so they are compiled as
// draft-07 without the `$schema` line; vendor.test.ts holds that keyword list true.
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

const validators = new Map<VendorSchemaName, ValidateFunction>();

/** ajv's verdict on `value` under losant-rest's schema `name` (ajv-formats full mode). */
export function vendorAccepts(name: VendorSchemaName, value: unknown): boolean {
  let validate = validators.get(name);
  if (!validate) {
    const { $schema: _, ...schema } = vendorSchema(name);
    validate = ajv.compile(schema);
    validators.set(name, validate);
  }
  return validate(value);
}

/** Every keyword used anywhere in a schema (property names excluded). */
export function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) keywordsOf(item, found);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      found.add(key);
      if (key === 'properties') {
        for (const property of Object.values(value as object)) keywordsOf(property, found);
      } else if (key !== 'enum') {
        keywordsOf(value, found);
      }
    }
  }
  return found;
}

/**
 * The scopes losant-rest's doc comments list ("must include at least one of the following
 * scopes: a, b, or c.") for each token action and for `applications.get`, keyed
 * `resource.action`.
 */
export function vendorActionScopes(): Record<string, string[]> {
  const apiDir = join(root, 'lib', 'api');
  const result: Record<string, string[]> = {};
  for (const file of readdirSync(apiDir)) {
    const tokens = /^(instance|application|user)ApiTokens?\.js$/.test(file);
    if (!tokens && file !== 'applications.js') continue;
    const resource = file.replace(/\.js$/, '');
    const source = readFileSync(join(apiDir, file), 'utf8');
    const pattern =
      /following scopes:\s*\n\s*\*\s*([^\n]+?)\.\n[\s\S]*?internals\.(\w+) = function/g;
    for (const match of source.matchAll(pattern)) {
      const action = `${resource}.${match[2]}`;
      if (!tokens && action !== 'applications.get') continue;
      const list = match[1]!.replace(/,? or /, ', ');
      result[action] = list.split(', ').map((scope) => scope.trim());
    }
  }
  return result;
}

/** The "Accepted values are: …" of a list action's query param in losant-rest's doc comments. */
export function vendorAcceptedValues(param: string): string[][] {
  const apiDir = join(root, 'lib', 'api');
  const lists: string[][] = [];
  for (const file of readdirSync(apiDir)) {
    if (!/^(instance|application|user)ApiTokens\.js$/.test(file)) continue;
    const source = readFileSync(join(apiDir, file), 'utf8');
    const match = new RegExp(`\\{string\\} ${param} - .*Accepted values are: ([^\\n]+)`).exec(
      source,
    );
    if (match) lists.push(match[1]!.split(', ').map((value) => value.trim()));
  }
  return lists;
}
