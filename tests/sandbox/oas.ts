/**
 * Zoho's own OpenAPI 3.1 files for the Desk endpoints we use (../shared/reference/zoho-desk-oas), loaded
 * into a JSON Schema 2020-12 validator so a test can check a reply against the schema Zoho publishes for
 * that operation and status.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const SPEC_DIR = resolve(import.meta.dirname, '../../../shared/reference/zoho-desk-oas');
/** The oldest published copy of the same files (commit 83b5c18), kept beside the newest. */
export const OLDER_SPEC_DIR = resolve(SPEC_DIR, 'older-83b5c18');
/** Each file gets this base, so the files' relative `./Common.json#/...` references resolve among them. */
const BASE = 'https://zoho-desk-oas.invalid/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Zoho's patterns are Java regular expressions, HTML-escaped in places. Rewritten to the same meaning in
 * JavaScript: `\P{InBasicLatin}` (any character outside ASCII) and `&amp;` (a literal `&`). They compile
 * without the `u` flag, where Java's needless escapes such as `\:` are still allowed.
 */
export function javaPatternToJs(pattern: string): string {
  return pattern.replaceAll('\\P{InBasicLatin}', '\\u0080-\\uffff').replaceAll('&amp;', '&');
}

function rewritePatterns(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewritePatterns);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'pattern' && typeof value === 'string' ? javaPatternToJs(value) : rewritePatterns(value);
  return out;
}

function resolvePointer(doc: Json | undefined, path: string): Json | undefined {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<Json | undefined>(
      (node, key) => (node && typeof node === 'object' ? (node as JsonObject)[key] : undefined),
      doc,
    );
}

/** A copy of `node` whose same-file references (`#/...`) name `file`, so it can be used from any file. */
function qualifyRefs(node: Json, file: string): Json {
  if (Array.isArray(node)) return node.map((n) => qualifyRefs(n, file));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `./${file}${value}`
        : qualifyRefs(value, file);
  return out;
}

/**
 * Zoho composes objects as `{"additionalProperties": false, "allOf": [A, B]}` where A and B are each closed
 * too. Read literally, JSON Schema then admits no property at all, and Zoho's own examples fail. What Zoho
 * means is "the properties of A and B, and no others", which 2020-12 says as `unevaluatedProperties: false`
 * over opened branches. Only this composition is rewritten; every other closed object stays closed.
 */
function closeCompositions(node: Json, file: string, docs: Map<string, JsonObject>): Json {
  if (Array.isArray(node)) return node.map((n) => closeCompositions(n, file, docs));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeCompositions(value, file, docs);
  if (Array.isArray(out.allOf) && out.additionalProperties === false && out.properties === undefined) {
    delete out.additionalProperties;
    out.unevaluatedProperties = false;
    out.allOf = out.allOf.map((branch) => openBranch(branch, file, docs));
  }
  return out;
}

function openBranch(branch: Json, file: string, docs: Map<string, JsonObject>): Json {
  if (branch === null || typeof branch !== 'object' || Array.isArray(branch)) return branch;
  let target: JsonObject = branch;
  let targetFile = file;
  if (typeof branch.$ref === 'string') {
    const [refFile, fragment = ''] = branch.$ref.split('#');
    if (refFile) targetFile = refFile.replace(/^\.\//, '');
    const found = resolvePointer(docs.get(targetFile), fragment);
    if (!found || typeof found !== 'object' || Array.isArray(found)) return branch;
    target = closeCompositions(qualifyRefs(found, targetFile), targetFile, docs) as JsonObject;
  }
  const { additionalProperties: _closed, unevaluatedProperties: _alsoClosed, ...open } = target;
  return open;
}

export interface Operation {
  file: string;
  method: string;
  path: string;
  responses: Record<string, Json>;
}

export interface DeskSpec {
  operation(operationId: string): Operation;
  /** The errors of `body` against the schema of `operationId`'s reply with `status`; empty when it conforms. */
  check(operationId: string, status: number, body: unknown): string[];
  /** The example the spec gives for that reply. */
  example(operationId: string, status: number): Json | undefined;
  /** A named schema, e.g. `Badge.json#/components/schemas/badgesList`. */
  checkSchema(ref: string, body: unknown): string[];
}

export function loadDeskSpec(dir = SPEC_DIR): DeskSpec {
  if (!existsSync(dir)) throw new Error(`Zoho's OpenAPI files are missing: expected them in ${dir}`);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const docs = new Map<string, JsonObject>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
    docs.set(file, rewritePatterns(JSON.parse(readFileSync(resolve(dir, file), 'utf8'))) as JsonObject);
  for (const [file, doc] of docs) {
    const closed = closeCompositions(doc, file, docs) as JsonObject;
    docs.set(file, closed);
    ajv.addSchema(closed, BASE + file);
  }

  const operations = new Map<string, Operation>();
  for (const [file, doc] of docs) {
    for (const [path, methods] of Object.entries((doc.paths ?? {}) as JsonObject)) {
      for (const [method, op] of Object.entries(methods as JsonObject)) {
        const o = op as JsonObject;
        if (typeof o.operationId !== 'string') continue;
        operations.set(o.operationId, {
          file,
          method: method.toUpperCase(),
          path,
          responses: o.responses as Record<string, Json>,
        });
      }
    }
  }

  /** Follows a response `$ref` to the file and JSON pointer of the response object itself. */
  const responseAt = (operationId: string, status: number): { file: string; path: string; response: JsonObject } => {
    const op = api.operation(operationId);
    let file = op.file;
    let path = `/paths/${op.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${op.method.toLowerCase()}/responses/${status}`;
    for (let hops = 0; hops < 5; hops++) {
      const node = resolvePointer(docs.get(file), path) as JsonObject | undefined;
      if (!node) throw new Error(`${operationId} documents no ${status} reply`);
      if (typeof node.$ref !== 'string') return { file, path, response: node };
      const [target, fragment] = node.$ref.split('#');
      if (target) file = target.replace(/^\.\//, '');
      path = fragment ?? '';
    }
    throw new Error(`${operationId} ${status}: too many references`);
  };

  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (uri: string): ValidateFunction => {
    let validate = compiled.get(uri);
    if (!validate) {
      validate = ajv.getSchema(uri);
      if (!validate) throw new Error(`no schema at ${uri}`);
      compiled.set(uri, validate);
    }
    return validate;
  };
  const errorsOf = (validate: ValidateFunction, body: unknown): string[] =>
    validate(body)
      ? []
      : (validate.errors ?? []).map((e) => {
          const extra = e.keyword === 'additionalProperties' ? ` (${e.params.additionalProperty})` : '';
          return `${e.instancePath || '(reply)'} ${e.message}${extra}`;
        });

  const api: DeskSpec = {
    operation(operationId) {
      const op = operations.get(operationId);
      if (!op) throw new Error(`Zoho's spec has no operation ${operationId}`);
      return op;
    },
    check(operationId, status, body) {
      const { file, path, response } = responseAt(operationId, status);
      const content = response.content as JsonObject | undefined;
      if (!content?.['application/json']) {
        return body === undefined || body === '' ? [] : [`${operationId} ${status} documents no body`];
      }
      return errorsOf(validatorFor(`${BASE}${file}#${path}/content/application~1json/schema`), body);
    },
    example(operationId, status) {
      const { response } = responseAt(operationId, status);
      const json = (response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
      if (!json) return undefined;
      if (json.example !== undefined) return json.example;
      const examples = json.examples as JsonObject | undefined;
      const first = examples && (Object.values(examples)[0] as JsonObject | undefined);
      return first?.value;
    },
    checkSchema(ref, body) {
      return errorsOf(validatorFor(BASE + ref), body);
    },
  };
  return api;
}
