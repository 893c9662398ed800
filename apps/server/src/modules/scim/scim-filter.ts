// SCIM filters (RFC 7644 §3.4.2.2) parsed into a small tree, then either compiled to a Drizzle
// predicate (lists) or evaluated against a resource's JSON (PATCH value paths such as
// `emails[type eq "work"]`). Values always travel as bound parameters, never as SQL text.
import { and, not, or, sql, type SQL } from 'drizzle-orm';
import { scimBadRequest } from './scim-errors';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

/** An attribute path: `userName`, `name.givenName`, or with its schema URN. Names as written. */
export interface AttrPath {
  schema?: string;
  attr: string;
  sub?: string;
}

export type Filter =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; filter: Filter }
  | { kind: 'valuePath'; path: AttrPath; filter: Filter };

const compareOps = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

type Token =
  | { t: 'word'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: '(' | ')' | '[' | ']' };

const MAX_FILTER = 2000;

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw invalidFilter('A string is not closed');
      try {
        out.push({ t: 'string', v: JSON.parse(input.slice(i, j + 1)) as string });
      } catch {
        throw invalidFilter('A string has an invalid escape');
      }
      i = j + 1;
    } else {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w:.$-])/.exec(input.slice(i));
      if (m) {
        out.push({ t: 'number', v: Number(m[0]) });
        i += m[0].length;
        continue;
      }
      const w = /^[A-Za-z][\w:.$-]*/.exec(input.slice(i));
      if (!w) throw invalidFilter(`Unexpected character ${JSON.stringify(c)} at ${i + 1}`);
      out.push({ t: 'word', v: w[0] });
      i += w[0].length;
    }
  }
  return out;
}

export const invalidFilter = (detail: string) => scimBadRequest('invalidFilter', `Invalid filter: ${detail}`);

/** `urn:…:User:name.givenName` → schema, attr, sub. */
export function parseAttrPath(word: string, onError = invalidFilter): AttrPath {
  let schema: string | undefined;
  let rest = word;
  if (/^urn:/i.test(word)) {
    const at = word.lastIndexOf(':');
    schema = word.slice(0, at);
    rest = word.slice(at + 1);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((p) => !/^[A-Za-z$][\w$-]*$/.test(p)))
    throw onError(`${JSON.stringify(word)} is not an attribute path`);
  return { ...(schema ? { schema } : {}), attr: parts[0]!, ...(parts[1] ? { sub: parts[1] } : {}) };
}

export function parseFilter(input: string): Filter {
  if (input.length > MAX_FILTER) throw invalidFilter('too long');
  const tokens = tokenize(input);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isWord = (tok: Token | undefined, w: string): boolean =>
    tok?.t === 'word' && tok.v.toLowerCase() === w;
  const expect = (t: Token['t']) => {
    if (peek()?.t !== t) throw invalidFilter(`expected ${t}`);
    pos++;
  };

  function orExpr(): Filter {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): Filter {
    let left = unary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }
  function unary(): Filter {
    if (++depth > 50) throw invalidFilter('nested too deeply');
    try {
      const tok = peek();
      if (isWord(tok, 'not') && tokens[pos + 1]?.t === '(') {
        pos++;
        return { kind: 'not', filter: group() };
      }
      if (tok?.t === '(') return group();
      return attrExpr();
    } finally {
      depth--;
    }
  }
  function group(): Filter {
    expect('(');
    const inner = orExpr();
    expect(')');
    return inner;
  }
  function attrExpr(): Filter {
    const tok = peek();
    if (tok?.t !== 'word') throw invalidFilter('expected an attribute name');
    pos++;
    const path = parseAttrPath(tok.v);
    if (peek()?.t === '[') {
      pos++;
      if (path.sub) throw invalidFilter('a value filter applies to a multi-valued attribute');
      const inner = orExpr();
      expect(']');
      return { kind: 'valuePath', path, filter: inner };
    }
    const opTok = peek();
    if (opTok?.t !== 'word') throw invalidFilter(`expected an operator after ${tok.v}`);
    const op = opTok.v.toLowerCase();
    pos++;
    if (op === 'pr') return { kind: 'present', path };
    if (!compareOps.has(op)) throw invalidFilter(`unknown operator ${JSON.stringify(opTok.v)}`);
    const valTok = peek();
    pos++;
    let value: FilterValue;
    if (valTok?.t === 'string' || valTok?.t === 'number') value = valTok.v;
    else if (isWord(valTok, 'true')) value = true;
    else if (isWord(valTok, 'false')) value = false;
    else if (isWord(valTok, 'null')) value = null;
    else throw invalidFilter(`expected a value after ${tok.v} ${opTok.v}`);
    return { kind: 'compare', path, op: op as CompareOp, value };
  }

  if (!tokens.length) throw invalidFilter('empty');
  const filter = orExpr();
  if (pos !== tokens.length) throw invalidFilter('unexpected text after the expression');
  return filter;
}

// --- Evaluating a filter against JSON (PATCH value paths, e.g. members[value eq "…"]) ---

/** The value of a key whatever its case (SCIM attribute names are case-insensitive). */
export function getCi(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : (obj as Record<string, unknown>)[k];
}

function compareValues(actual: unknown, op: CompareOp, expected: FilterValue): boolean {
  if (op === 'ne') return !compareValues(actual, 'eq', expected);
  if (actual === undefined || actual === null) return op === 'eq' && expected === null;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    return op === 'eq' && String(actual).toLowerCase() === String(expected).toLowerCase();
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    return (
      {
        eq: actual === expected,
        gt: actual > expected,
        ge: actual >= expected,
        lt: actual < expected,
        le: actual <= expected,
      }[op as 'eq'] ?? false
    );
  }
  const a = String(actual).toLowerCase();
  const b = String(expected).toLowerCase();
  switch (op) {
    case 'eq':
      return a === b;
    case 'co':
      return a.includes(b);
    case 'sw':
      return a.startsWith(b);
    case 'ew':
      return a.endsWith(b);
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
}

/** Whether `item` (an element of a multi-valued attribute, or a resource) matches the filter. */
export function matches(filter: Filter, item: unknown): boolean {
  switch (filter.kind) {
    case 'and':
      return matches(filter.left, item) && matches(filter.right, item);
    case 'or':
      return matches(filter.left, item) || matches(filter.right, item);
    case 'not':
      return !matches(filter.filter, item);
    case 'valuePath': {
      const list = getCi(item, filter.path.attr);
      return Array.isArray(list) && list.some((el) => matches(filter.filter, el));
    }
    case 'present': {
      const v = valueAt(item, filter.path);
      return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length);
    }
    case 'compare': {
      const v = valueAt(item, filter.path);
      if (Array.isArray(v)) return v.some((el) => compareValues(el, filter.op, filter.value));
      return compareValues(v, filter.op, filter.value);
    }
  }
}

function valueAt(item: unknown, path: AttrPath): unknown {
  const top = getCi(item, path.attr);
  if (!path.sub) {
    // `emails eq "x"` on a multi-valued complex attribute means its values.
    if (Array.isArray(top)) return top.map((el) => (el && typeof el === 'object' ? getCi(el, 'value') : el));
    return top;
  }
  if (Array.isArray(top)) return top.map((el) => getCi(el, path.sub!));
  return getCi(top, path.sub);
}

// --- Compiling a filter to SQL ---

/**
 * How one attribute is compared in SQL: its type, whether case matters, and `where`, which turns a
 * condition on the attribute's SQL expression into a predicate on the resource (a column compared in
 * place, or a subquery for attributes kept elsewhere).
 */
export interface SqlAttr {
  type: 'string' | 'boolean' | 'dateTime';
  caseExact?: boolean;
  where: (condition: (expr: SQL) => SQL) => SQL;
}
export type SqlAttrResolver = (path: AttrPath) => SqlAttr | undefined;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function compileCompare(attr: SqlAttr, op: CompareOp, value: FilterValue, name: string): SQL {
  if (op === 'ne') return not(compileCompare(attr, 'eq', value, name));
  if (value === null) {
    if (op !== 'eq') throw invalidFilter(`null compares only with eq or ne`);
    return not(attr.where((e) => sql`${e} is not null`));
  }
  if (attr.type === 'boolean') {
    if (typeof value !== 'boolean') throw invalidFilter(`${name} is true or false`);
    if (op !== 'eq') throw invalidFilter(`${name} compares only with eq or ne`);
    return attr.where((e) => sql`${e} = ${value}`);
  }
  if (typeof value !== 'string') throw invalidFilter(`${name} compares with a string`);
  if (attr.type === 'dateTime') {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw invalidFilter(`${name} compares with a date and time`);
    const sqlOp = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' }[op as 'eq'];
    if (!sqlOp) throw invalidFilter(`${name} compares with eq, gt, ge, lt or le`);
    return attr.where((e) => sql`${e} ${sql.raw(sqlOp)} ${at.toISOString()}::timestamptz`);
  }
  const ci = !attr.caseExact;
  const lhs = (e: SQL) => (ci ? sql`lower(${e})` : e);
  const v = ci ? value.toLowerCase() : value;
  switch (op) {
    case 'eq':
      return attr.where((e) => sql`${lhs(e)} = ${v}`);
    case 'co':
      return attr.where((e) => sql`${lhs(e)} like ${`%${escapeLike(v)}%`}`);
    case 'sw':
      return attr.where((e) => sql`${lhs(e)} like ${`${escapeLike(v)}%`}`);
    case 'ew':
      return attr.where((e) => sql`${lhs(e)} like ${`%${escapeLike(v)}`}`);
    default: {
      const sqlOp = { gt: '>', ge: '>=', lt: '<', le: '<=' }[op];
      return attr.where((e) => sql`${lhs(e)} ${sql.raw(sqlOp)} ${v}`);
    }
  }
}

const nameOf = (p: AttrPath) => `${p.attr}${p.sub ? `.${p.sub}` : ''}`;

export function compileFilter(filter: Filter, resolve: SqlAttrResolver): SQL {
  switch (filter.kind) {
    case 'and':
      return and(compileFilter(filter.left, resolve), compileFilter(filter.right, resolve))!;
    case 'or':
      return or(compileFilter(filter.left, resolve), compileFilter(filter.right, resolve))!;
    case 'not':
      return not(compileFilter(filter.filter, resolve));
    case 'valuePath': {
      // `emails[value co "x"]` on the attributes this server filters is the same as `emails.value co "x"`.
      const inner = filter.filter;
      if (inner.kind !== 'compare' && inner.kind !== 'present')
        throw invalidFilter(`${filter.path.attr}[…] takes one comparison of a sub-attribute`);
      return compileFilter({ ...inner, path: { ...filter.path, sub: inner.path.attr } } as Filter, resolve);
    }
    case 'present': {
      const attr = resolve(filter.path);
      if (!attr) throw invalidFilter(`unknown attribute ${nameOf(filter.path)}`);
      return attr.where((e) =>
        attr.type === 'string' ? sql`coalesce(${e}, '') <> ''` : sql`${e} is not null`,
      );
    }
    case 'compare': {
      const attr = resolve(filter.path);
      if (!attr) throw invalidFilter(`unknown attribute ${nameOf(filter.path)}`);
      return compileCompare(attr, filter.op, filter.value, nameOf(filter.path));
    }
  }
}
