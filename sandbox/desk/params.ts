/**
 * Requests checked as Zoho checks them. Each endpoint carries the rules of its parameters and JSON body, copied
 * from Zoho's newest OpenAPI files (the sandbox never reads those files; tests/sandbox/requests.test.ts checks
 * the copy stays equal to them). A request that breaks a rule is answered 422 UNPROCESSABLE_ENTITY naming the
 * field, as Zoho does: "The value passed for field 'limit' exceeds the range of '1-50'." (seen for /tickets).
 */
import { isJsonContentType, type Reply, type RequestContext, zohoError } from '../http';

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The parts of JSON Schema that Zoho's parameters and the bodies served here use. */
export interface ValueRule {
  /** A list in the rules here; Zoho's files sometimes give one type bare. */
  type?: JsonType[] | JsonType;
  enum?: (string | null)[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  /** Tested against the value as sent, anchored at both ends. */
  pattern?: string;
  default?: number;
  items?: ValueRule;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, ValueRule>;
  required?: string[];
  additionalProperties?: false;
}

export interface ParamRule {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema: ValueRule;
}

/** A request's parameters, as their rules read them: numbers for integers, lists for arrays, defaults filled in. */
export type Args = Record<string, string | number | boolean | string[]>;

/** What a check gives: the request's values, or the reply that refuses it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

const refused = (reply: Reply): { ok: false; reply: Reply } => ({ ok: false, reply });

/** A broken rule: the field (a JSON Pointer without its leading `/`) and what is wrong with it. */
export interface Problem {
  field: string;
  kind: 'invalid' | 'missing' | 'extra';
  /** For an invalid value: what the message says after "The value passed for field '…'". */
  detail?: string;
}

/** What a value of these types is called in a message. */
function typeName(types: JsonType[]): string {
  const names: Record<JsonType, string> = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return types.map((t) => names[t]).join(' or ');
}

function typesOf(rule: ValueRule): JsonType[] | undefined {
  return rule.type === undefined ? undefined : [rule.type].flat();
}

function jsonType(value: unknown): JsonType[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value as JsonType];
}

function numberProblem(rule: ValueRule, n: number): string | null {
  const { minimum: min, maximum: max } = rule;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    if (min !== undefined && max !== undefined) return `exceeds the range of '${min}-${max}'`;
    return min !== undefined ? `must be at least ${min}` : `must be at most ${max}`;
  }
  return null;
}

/** The first rule a JSON value breaks, or null. Patterns and enums are read as Zoho's sortBy reads them. */
export function valueProblem(field: string, rule: ValueRule, value: unknown): Problem | null {
  const at = (detail: string): Problem => ({ field, kind: 'invalid', detail });
  const types = typesOf(rule);
  if (types && !jsonType(value).some((t) => types.includes(t))) return at(`must be ${typeName(types)}`);
  if (value === null) return null;
  if (typeof value === 'number') {
    const problem = numberProblem(rule, value);
    if (problem) return at(problem);
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    // A `-` before a sort key asks for descending order where the pattern allows it.
    const bare = rule.pattern?.startsWith('-?') ? text.replace(/^-/, '') : text;
    if (rule.enum && !rule.enum.includes(bare)) return at(`must be one of ${rule.enum.join(', ')}`);
    if (rule.maxLength !== undefined && text.length > rule.maxLength)
      return at(`exceeds the maximum length of ${rule.maxLength}`);
    if (rule.pattern && !new RegExp(`^(?:${rule.pattern})$`).test(text)) return at('is not in the expected format');
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems)
      return at(`must list at least ${rule.minItems} value${rule.minItems === 1 ? '' : 's'}`);
    if (rule.maxItems !== undefined && value.length > rule.maxItems) return at(`must list at most ${rule.maxItems}`);
    for (const item of value) {
      const problem = rule.items && valueProblem(field, rule.items, item);
      if (problem) return problem;
    }
  }
  if (typeof value === 'object' && !Array.isArray(value)) return objectProblem(field, rule, value as object);
  return null;
}

function objectProblem(field: string, rule: ValueRule, value: object): Problem | null {
  const name = (key: string) => (field ? `${field}/${key}` : key);
  const entries = Object.entries(value);
  for (const key of rule.required ?? []) if (!(key in value)) return { field: name(key), kind: 'missing' };
  for (const [key, item] of entries) {
    const property = rule.properties?.[key];
    if (!property) {
      if (rule.additionalProperties === false) return { field: name(key), kind: 'extra' };
      continue;
    }
    const problem = valueProblem(name(key), property, item);
    if (problem) return problem;
  }
  return null;
}

/** A query or path value as its rule reads it: an integer, a boolean, a list, or the text as sent. */
function fromWire(rule: ValueRule, raw: string): unknown {
  const types = typesOf(rule) ?? ['string'];
  if (types.includes('array')) return raw.split(',').map((part) => fromWire(rule.items ?? {}, part));
  // An ID may be a string or an integer: it stays text, so no digit of a long ID is lost.
  if (types.includes('string')) return raw;
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** A Zoho error about one field: the field also named, as a JSON Pointer, in `errors` (Common.json errorDetailArr). */
export function fieldError(status: number, errorCode: string, problem: Problem, message: string): Reply {
  const errorType = problem.kind === 'missing' ? 'missing' : 'invalid';
  return zohoError(status, errorCode, message, {
    errors: [{ fieldName: `/${problem.field}`, errorType, errorMessage: message }],
  });
}

/** What Zoho says about a broken rule, naming the field. */
export function problemMessage({ field, kind, detail }: Problem): string {
  if (kind === 'extra') return `An extra parameter '${field}' is found`; // integrators' report of Zoho's wording
  if (kind === 'missing') return `No value was passed for field '${field}'.`;
  return `The value passed for field '${field}' ${detail}.`;
}

/** Zoho's 422 for a broken rule. */
export function unprocessable(problem: Problem): Reply {
  return fieldError(422, 'UNPROCESSABLE_ENTITY', problem, problemMessage(problem));
}

/** The first rule a query or path value, as sent, breaks. */
export function wireProblem(name: string, rule: ValueRule, raw: string): Problem | null {
  return valueProblem(name, rule, fromWire(rule, raw));
}

/** The query and path parameters against their rules: their values (defaults filled in), or Zoho's 422. */
export function checkParams(
  rules: readonly ParamRule[],
  path: Record<string, string>,
  query: URLSearchParams,
): Checked<Args> {
  const args: Args = {};
  for (const name of new Set(query.keys()))
    if (!rules.some((r) => r.in === 'query' && r.name === name))
      return refused(unprocessable({ field: name, kind: 'extra' }));
  for (const rule of rules) {
    const sent = rule.in === 'path' ? [path[rule.name] ?? ''] : query.getAll(rule.name);
    if (sent.length === 0) {
      if (rule.required) return refused(unprocessable({ field: rule.name, kind: 'missing' }));
      if (rule.schema.default !== undefined) args[rule.name] = rule.schema.default;
      continue;
    }
    // A repeated list parameter adds to the list; any other keeps its first value.
    const isList = typesOf(rule.schema)?.includes('array');
    const values = isList ? [sent.join(',')] : sent;
    for (const raw of values) {
      const problem = wireProblem(rule.name, rule.schema, raw);
      if (problem) return refused(unprocessable(problem));
    }
    args[rule.name] = fromWire(rule.schema, values[0]!) as Args[string];
  }
  return { ok: true, value: args };
}

/** The JSON body against its rule: the parsed body, or 415 (not JSON) or 422. */
export function checkBody(rule: ValueRule, ctx: RequestContext): Checked<unknown> {
  if (ctx.body.length > 0 && !isJsonContentType(ctx))
    return refused(zohoError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as application/json.'));
  let json: unknown = {};
  try {
    if (ctx.body.length > 0) json = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    const problem: Problem = { field: '', kind: 'invalid' };
    return refused(fieldError(422, 'UNPROCESSABLE_ENTITY', problem, 'The request body is not valid JSON.'));
  }
  const problem = valueProblem('', rule, json);
  if (problem) return refused(unprocessable(problem.field ? problem : { ...problem, field: 'body' }));
  return { ok: true, value: json };
}

// ---------- pieces of rules several operations share, as Zoho's files write them ----------

const DIGITS = '([0-9]+)';

/** Common.json `orgId`: optional, in the query. Zoho's guide sends it as a header; the sandbox takes both. */
export const ORG_ID: ParamRule = { name: 'orgId', in: 'query', schema: { type: ['string'], pattern: DIGITS } };

/** An ID in the path (required) or the query; some operations list `null` among a path ID's types. */
export function idParam(name: string, where: 'path' | 'query', nullable = false): ParamRule {
  const type: JsonType[] = nullable ? ['string', 'integer', 'null'] : ['string', 'integer'];
  return { name, in: where, ...(where === 'path' ? { required: true } : {}), schema: { type, pattern: DIGITS } };
}

/** `from`: the 1-based index to start at, 1 by default. Badge.json and Label.json add a digits pattern. */
export function fromParam(digits = false): ParamRule {
  return { name: 'from', in: 'query', schema: { type: ['integer'], minimum: 1, default: 1, ...digitsIf(digits) } };
}

/** `limit`: 1 to 50, with the operation's default (getAllHelpCenters has none: all from `from` on). */
export function limitParam(byDefault: number | undefined, digits = false): ParamRule {
  const schema: ValueRule = { type: ['integer'], minimum: 1, maximum: 50, ...digitsIf(digits) };
  return { name: 'limit', in: 'query', schema: byDefault === undefined ? schema : { ...schema, default: byDefault } };
}

function digitsIf(digits: boolean): Pick<ValueRule, 'pattern'> {
  return digits ? { pattern: DIGITS } : {};
}

/** `searchBy` on users and labels: letters, digits, most punctuation and anything beyond ASCII. */
export function searchByParam(maxLength?: number): ParamRule {
  const pattern = String.raw`[0-9a-zA-Z_\-\&\.\$\@\^\(\)\{\}\~\=\-\|\*\+\?\[\]\,\:\"\'\/\!\u0080-\uffff\s]+`;
  return { name: 'searchBy', in: 'query', schema: { type: ['string'], ...(maxLength ? { maxLength } : {}), pattern } };
}

/** `sortBy` by one key, a `-` before it for descending order. */
export function sortByParam(keys: string, extra: Omit<ValueRule, 'type' | 'pattern'> = {}): ParamRule {
  return { name: 'sortBy', in: 'query', schema: { type: ['string'], ...extra, pattern: `-?(${keys})` } };
}

/** A list of IDs, as associate/dissociate and the label changes take them. */
export function idListRule(nullable: boolean): ValueRule {
  const types = (t: JsonType[]): JsonType[] => (nullable ? [...t, 'null'] : t);
  return { type: types(['array']), items: { type: types(['string', 'integer']), pattern: DIGITS } };
}
