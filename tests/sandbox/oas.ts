/**
 * Zoho's own OpenAPI 3.1 files for the Desk endpoints we use (../shared/reference/zoho-desk-oas), loaded
 * into a JSON Schema 2020-12 validator so a test can check a reply against the schema Zoho publishes for
 * that operation and status.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { problemMessage, type ValueRule, wireProblem } from '../../sandbox/desk/params';

export const SPEC_DIR = resolve(import.meta.dirname, '../../../shared/reference/zoho-desk-oas');
/** Each file gets this base, so the files' relative `./Common.json#/...` references resolve among them. */
const BASE = 'https://zoho-desk-oas.invalid/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A Unicode class such as `\p{L}`, which JavaScript reads only with the `u` flag. */
const UNICODE_CLASS = /\\p\{/;

/**
 * Zoho's patterns are Java regular expressions, HTML-escaped in places. Rewritten to the same meaning in
 * JavaScript: `\P{InBasicLatin}` (any character outside ASCII) and `&amp;` (a literal `&`). They compile
 * without the `u` flag, where Java's needless escapes such as `\:` are still allowed; a pattern with Unicode
 * classes (`\p{L}`) needs the flag (see `zohoRegExp`), so its needless escapes are dropped.
 */
export function javaPatternToJs(pattern: string): string {
  const js = pattern.replaceAll('\\P{InBasicLatin}', '\\u0080-\\uffff').replaceAll('&amp;', '&');
  return UNICODE_CLASS.test(js) ? js.replace(/\\([^A-Za-z0-9\\^$.*+?()[\]{}|/-])/g, '$1') : js;
}

/** Compiles Zoho's patterns for ajv: with the `u` flag only where a Unicode class asks for it. */
const zohoRegExp = Object.assign((source: string) => new RegExp(source, UNICODE_CLASS.test(source) ? 'u' : ''), {
  code: 'zohoRegExp',
});

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
 * Zoho composes objects as `{"additionalProperties": false, "allOf": [A, B]}`, or as a bare `{"allOf": [A, B]}`,
 * where A or B (or both) is closed too. Read literally, JSON Schema then admits only the properties every
 * branch lists (often none), and Zoho's own examples fail. What Zoho means is "the properties of A and B, and no
 * others", which 2020-12 says as `unevaluatedProperties: false` over opened branches. Only these compositions
 * are rewritten; every other closed object stays closed.
 */
function closeCompositions(node: Json, file: string, docs: Map<string, JsonObject>): Json {
  if (Array.isArray(node)) return node.map((n) => closeCompositions(n, file, docs));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeCompositions(value, file, docs);
  if (
    Array.isArray(out.allOf) &&
    out.properties === undefined &&
    (out.additionalProperties === false || out.allOf.some((branch) => isClosed(branch, file, docs)))
  ) {
    delete out.additionalProperties;
    out.unevaluatedProperties = false;
    out.allOf = out.allOf.map((branch) => openBranch(branch, file, docs));
  }
  return out;
}

/** Whether a branch admits only the properties it lists: closed itself, or a reference to a closed schema. */
function isClosed(branch: Json, file: string, docs: Map<string, JsonObject>): boolean {
  if (branch === null || typeof branch !== 'object' || Array.isArray(branch)) return false;
  let target: Json | undefined = branch;
  if (typeof branch.$ref === 'string') {
    const [refFile, fragment = ''] = branch.$ref.split('#');
    target = resolvePointer(docs.get(refFile ? refFile.replace(/^\.\//, '') : file), fragment);
  }
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return false;
  return target.additionalProperties === false || target.unevaluatedProperties === false;
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
  /** Its path and query parameters, references followed. */
  parameters: Parameter[];
  /** The OAuth scopes its security lists (Zoho's iam-oauth2-schema). */
  scopes: string[];
  /** The JSON request body's schema URI, when it takes one. */
  bodySchema?: string;
  /** That schema itself, every reference in it followed, for reading its rules. */
  body?: Json;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: ParameterSchema;
}

/** The parts of a parameter's schema that Zoho's files use. */
export interface ParameterSchema {
  type?: string | string[];
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  default?: Json;
  items?: ParameterSchema;
}

/** A request as a client sends it: the query as strings, as they go on the wire. */
export interface SentRequest {
  method: string;
  /** The path as sent, e.g. `/api/v1/users/123/badges`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface DeskSpec {
  operation(operationId: string): Operation;
  /** The errors of `body` against the schema of `operationId`'s reply with `status`; empty when it conforms. */
  check(operationId: string, status: number, body: unknown): string[];
  /** The example the spec gives for that reply. */
  example(operationId: string, status: number): Json | undefined;
  /** A named schema, e.g. `Badge.json#/components/schemas/badgesList`. */
  checkSchema(ref: string, body: unknown): string[];
  /**
   * The errors of a request against `operationId`: its method, its path against the template (and each path
   * parameter's rules), each query parameter (declared, and within its type, minimum, maximum, enum and pattern),
   * required parameters present, and the JSON body against the request body schema. Empty when Zoho would take it.
   */
  checkRequest(operationId: string, request: SentRequest): string[];
}

/**
 * Whether one query or path value, as sent (a string), keeps to the parameter's schema; the reason if not. The
 * sandbox's own check (sandbox/desk/params.ts), so what this flags is what the sandbox refuses.
 */
export function parameterProblem(name: string, schema: ParameterSchema, value: string): string | null {
  const problem = wireProblem(name, schema as ValueRule, value);
  return problem && problemMessage(problem);
}

export function loadDeskSpec(dir = SPEC_DIR): DeskSpec {
  if (!existsSync(dir)) throw new Error(`Zoho's OpenAPI files are missing: expected them in ${dir}`);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, code: { regExp: zohoRegExp } });
  const docs = new Map<string, JsonObject>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
    docs.set(file, rewritePatterns(JSON.parse(readFileSync(resolve(dir, file), 'utf8'))) as JsonObject);
  for (const [file, doc] of docs) {
    const closed = closeCompositions(doc, file, docs) as JsonObject;
    docs.set(file, closed);
    ajv.addSchema(closed, BASE + file);
  }

  /** Follows `$ref`s from `file` to the node they name, with the file it is in. */
  const follow = (node: Json | undefined, file: string): { node: Json | undefined; file: string } => {
    for (let hops = 0; hops < 5 && node && typeof node === 'object' && !Array.isArray(node); hops++) {
      const ref = (node as JsonObject).$ref;
      if (typeof ref !== 'string') break;
      const [target, fragment = ''] = ref.split('#');
      if (target) file = target.replace(/^\.\//, '');
      node = resolvePointer(docs.get(file), fragment);
    }
    return { node, file };
  };

  /** A copy of `node` with every reference in it replaced by what it names (Zoho's request bodies have no cycles). */
  const inlined = (node: Json | undefined, file: string, depth = 0): Json | undefined => {
    if (depth > 32) throw new Error(`references nest too deep in ${file}`);
    if (Array.isArray(node)) return node.map((n) => inlined(n, file, depth + 1) ?? null);
    if (node === null || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') {
      const target = follow(node, file);
      return inlined(target.node, target.file, depth + 1);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlined(v, file, depth + 1) ?? null]));
  };

  const operations = new Map<string, Operation>();
  for (const [file, doc] of docs) {
    for (const [path, methods] of Object.entries((doc.paths ?? {}) as JsonObject)) {
      for (const [method, op] of Object.entries(methods as JsonObject)) {
        const o = op as JsonObject;
        if (typeof o.operationId !== 'string') continue;
        const parameters = ((o.parameters ?? []) as Json[]).map((p) => follow(p, file).node as unknown as Parameter);
        let bodySchema: string | undefined;
        let body: Json | undefined;
        if (o.requestBody) {
          const { node, file: bodyFile } = follow(o.requestBody, file);
          const pointer = (() => {
            const ref = (o.requestBody as JsonObject).$ref;
            return typeof ref === 'string' ? (ref.split('#')[1] ?? '') : null;
          })();
          const content = (node as JsonObject | undefined)?.content as JsonObject | undefined;
          if (content?.['application/json']) {
            bodySchema =
              pointer === null
                ? `${BASE}${file}#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/requestBody/content/application~1json/schema`
                : `${BASE}${bodyFile}#${pointer}/content/application~1json/schema`;
            body = inlined((content['application/json'] as JsonObject).schema, bodyFile);
          }
        }
        operations.set(o.operationId, {
          file,
          method: method.toUpperCase(),
          path,
          responses: o.responses as Record<string, Json>,
          parameters,
          scopes: ((o.security ?? []) as JsonObject[]).flatMap((r) => (r['iam-oauth2-schema'] ?? []) as string[]),
          ...(bodySchema ? { bodySchema, body } : {}),
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
    checkRequest(operationId, request) {
      const op = api.operation(operationId);
      const problems: string[] = [];
      if (request.method.toUpperCase() !== op.method) problems.push(`${request.method} where ${op.method} is declared`);
      const names: string[] = [];
      const template = new RegExp(
        `^${op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        })}$`,
      );
      const matched = template.exec(request.path);
      if (!matched) problems.push(`${request.path} does not fit ${op.path}`);
      const byName = (place: Parameter['in']) =>
        new Map(op.parameters.filter((p) => p.in === place).map((p) => [p.name, p]));
      const pathParams = byName('path');
      names.forEach((name, i) => {
        const value = matched?.[i + 1];
        const param = pathParams.get(name);
        if (!param) problems.push(`path parameter ${name} is not declared`);
        else if (value !== undefined) {
          const problem = parameterProblem(name, param.schema, decodeURIComponent(value));
          if (problem) problems.push(problem);
        }
      });
      const queryParams = byName('query');
      for (const [name, value] of Object.entries(request.query ?? {})) {
        const param = queryParams.get(name);
        if (!param) {
          problems.push(`query parameter ${name} is not declared for ${operationId}`);
          continue;
        }
        const problem = parameterProblem(name, param.schema, value);
        if (problem) problems.push(problem);
      }
      for (const param of queryParams.values()) {
        if (param.required && request.query?.[param.name] === undefined) problems.push(`${param.name} is required`);
      }
      if (op.bodySchema) {
        if (request.body === undefined) problems.push(`${operationId} takes a JSON body; none was sent`);
        else problems.push(...errorsOf(validatorFor(op.bodySchema), request.body).map((e) => `body ${e}`));
      } else if (request.body !== undefined) problems.push(`${operationId} takes no body`);
      return problems;
    },
  };
  return api;
}
