// Applies SCIM PATCH operations (RFC 7644 §3.5.2) to a resource's JSON, as Okta and Microsoft Entra
// ID send them: ops in any case ("Replace"), a value object without a path (Okta's
// {active:false}), dotted and URN-qualified keys, value-filtered paths
// (`emails[type eq "work"].value`, `members[value eq "…"]`), removal of listed members, and
// booleans sent as strings ("False"). POST and PUT bodies go through the same reader, so every
// write checks attributes against the one schema.
import { matches, parseAttrPath, parseFilter, type Filter } from './scim-filter';
import { scimBadRequest, type ScimType } from './scim-errors';
import { commonReadOnly, type AttrDef, type ResourceSchema } from './scim-schemas';

export type Resource = Record<string, unknown>;
export interface PatchOperation {
  op: string;
  path?: string | undefined;
  value?: unknown;
}

const MAX_STRING = 2000;
const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const findAttr = (list: AttrDef[] | undefined, name: string) =>
  list?.find((a) => a.name.toLowerCase() === name.toLowerCase());

interface Target {
  /** The extension schema the attribute belongs to (stored under that key), or none for the core. */
  extension?: string;
  attr: AttrDef;
  filter?: Filter;
  sub?: AttrDef;
}

function describe(attr: AttrDef, sub?: AttrDef) {
  return sub ? `${attr.name}.${sub.name}` : attr.name;
}

/** Resolves an attribute path against the schema; `unknown` is the scimType of a path that names nothing. */
function resolvePath(
  path: string,
  schema: ResourceSchema,
  unknown: ScimType,
): Target | { extension: string } {
  const trimmed = path.trim();
  const ext = schema.extensions.find((e) => e.id.toLowerCase() === trimmed.toLowerCase());
  if (ext) return { extension: ext.id };
  const m = /^([^[\]]+?)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s.exec(trimmed);
  if (!m) throw scimBadRequest(unknown, `${JSON.stringify(path)} is not an attribute path`);
  const fail = (detail: string) => scimBadRequest(unknown, detail);
  const parsed = parseAttrPath(m[1]!, fail);
  if (parsed.sub && m[3]) throw fail(`${JSON.stringify(path)} is not an attribute path`);
  let attrs = schema.core.attributes;
  let extension: string | undefined;
  if (parsed.schema) {
    const owner = [schema.core, ...schema.extensions].find(
      (s) => s.id.toLowerCase() === parsed.schema!.toLowerCase(),
    );
    if (!owner) throw fail(`Unknown schema ${parsed.schema}`);
    attrs = owner.attributes;
    if (owner !== schema.core) extension = owner.id;
  }
  const attr = findAttr(attrs, parsed.attr);
  if (!attr) throw fail(`Unknown attribute ${JSON.stringify(parsed.attr)}`);
  const subName = parsed.sub ?? m[3];
  const sub = subName ? findAttr(attr.subAttributes, subName) : undefined;
  if (subName && !sub) throw fail(`Unknown attribute ${JSON.stringify(`${attr.name}.${subName}`)}`);
  let filter: Filter | undefined;
  if (m[2] !== undefined) {
    if (!attr.multiValued) throw fail(`${attr.name} is not multi-valued: it takes no [filter]`);
    try {
      filter = parseFilter(m[2]);
    } catch {
      throw scimBadRequest('invalidPath', `The filter in ${JSON.stringify(path)} is not valid`);
    }
  }
  return {
    ...(extension ? { extension } : {}),
    attr,
    ...(filter ? { filter } : {}),
    ...(sub ? { sub } : {}),
  };
}

function simpleValue(attr: AttrDef, value: unknown, where: string): unknown {
  if (value === null) return null;
  if (attr.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    // Entra sends booleans as "True"/"False".
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    throw scimBadRequest('invalidValue', `${where} is true or false`);
  }
  if (attr.type === 'integer') {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw scimBadRequest('invalidValue', `${where} is an integer`);
  }
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') throw scimBadRequest('invalidValue', `${where} is a string`);
  if (value.length > MAX_STRING)
    throw scimBadRequest('invalidValue', `${where} is longer than ${MAX_STRING}`);
  if (value.includes('\u0000')) throw scimBadRequest('invalidValue', `${where} contains a NUL character`);
  return value;
}

/** A complex value with its keys canonical; read-only sub-attributes (members.display) dropped. */
function complexValue(attr: AttrDef, value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw scimBadRequest('invalidValue', `${where} is an object`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = findAttr(attr.subAttributes, k);
    if (!sub) throw scimBadRequest('invalidSyntax', `Unknown attribute ${JSON.stringify(`${where}.${k}`)}`);
    if (sub.mutability === 'readOnly') continue;
    const read = simpleValue(sub, v, `${where}.${sub.name}`);
    if (read !== null) out[sub.name] = read;
  }
  return out;
}

function attrValue(attr: AttrDef, value: unknown, where: string): unknown {
  if (value === null) return null;
  if (attr.multiValued) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 1000) throw scimBadRequest('tooMany', `${where} has more than 1000 values`);
    return list.map((v, i) =>
      attr.type === 'complex'
        ? complexValue(attr, v, `${where}[${i}]`)
        : simpleValue(attr, v, `${where}[${i}]`),
    );
  }
  return attr.type === 'complex' ? complexValue(attr, value, where) : simpleValue(attr, value, where);
}

const sameElement = (a: unknown, b: unknown) =>
  isObject(a) && isObject(b) && a.value !== undefined
    ? String(a.value).toLowerCase() === String(b.value ?? '').toLowerCase() &&
      String(a.type ?? '') === String(b.type ?? '')
    : JSON.stringify(a) === JSON.stringify(b);

/** A new element for `emails[type eq "work"]` when none matches: its eq clauses become its values. */
function elementFromFilter(filter: Filter): Record<string, unknown> | null {
  if (filter.kind === 'compare' && filter.op === 'eq' && !filter.path.sub && filter.value !== null)
    return { [filter.path.attr]: filter.value };
  if (filter.kind === 'and') {
    const l = elementFromFilter(filter.left);
    const r = elementFromFilter(filter.right);
    return l && r ? { ...l, ...r } : null;
  }
  return null;
}

function applyToTarget(doc: Resource, op: 'add' | 'replace' | 'remove', t: Target, value: unknown) {
  const { attr, sub, filter } = t;
  const name = describe(attr, sub);
  if (attr.mutability === 'readOnly' || sub?.mutability === 'readOnly')
    throw scimBadRequest('mutability', `${name} is read-only`);
  let holder = doc;
  if (t.extension) {
    if (!isObject(doc[t.extension])) doc[t.extension] = {};
    holder = doc[t.extension] as Resource;
  }
  const current = holder[attr.name];

  if (!filter && !sub) {
    if (op === 'remove') {
      if (attr.required) throw scimBadRequest('mutability', `${attr.name} is required and cannot be removed`);
      if (attr.multiValued && value !== undefined && value !== null && Array.isArray(current)) {
        // Entra removes members by listing them: {"op":"Remove","path":"members","value":[{"value":"…"}]}.
        const gone = attrValue(attr, value, attr.name) as unknown[];
        holder[attr.name] = current.filter((el) => !gone.some((g) => sameElement(el, g)));
      } else delete holder[attr.name];
      return;
    }
    const read = attrValue(attr, value, attr.name);
    if (read === null) {
      if (attr.required) throw scimBadRequest('invalidValue', `${attr.name} is required`);
      delete holder[attr.name];
    } else if (attr.multiValued && op === 'add') {
      const list = Array.isArray(current) ? [...current] : [];
      for (const el of read as unknown[]) if (!list.some((x) => sameElement(x, el))) list.push(el);
      holder[attr.name] = list;
    } else if (attr.type === 'complex' && !attr.multiValued) {
      // Sub-attributes not sent are left as they were (RFC 7644 §3.5.2.1 and .3).
      holder[attr.name] = { ...(isObject(current) ? current : {}), ...(read as object) };
    } else holder[attr.name] = read;
    return;
  }

  if (!attr.multiValued) {
    // name.givenName
    const obj: Resource = isObject(current) ? { ...current } : {};
    if (op === 'remove') delete obj[sub!.name];
    else {
      const read = simpleValue(sub!, value, name);
      if (read === null) delete obj[sub!.name];
      else obj[sub!.name] = read;
    }
    holder[attr.name] = obj;
    return;
  }

  const list: Resource[] = Array.isArray(current) ? (current as Resource[]).map((el) => ({ ...el })) : [];
  const hit = (el: Resource) => (filter ? matches(filter, el) : true);
  const matched = list.filter(hit);
  if (op === 'remove') {
    holder[attr.name] = sub
      ? list.map((el) => {
          if (hit(el)) delete el[sub.name];
          return el;
        })
      : list.filter((el) => !hit(el));
    return;
  }
  if (!matched.length) {
    const base = filter ? elementFromFilter(filter) : {};
    if (!base) throw scimBadRequest('noTarget', `Nothing in ${attr.name} matches the filter`);
    const added = sub
      ? { ...base, [sub.name]: simpleValue(sub, value, name) }
      : { ...base, ...complexValue(attr, value, name) };
    holder[attr.name] = [...list, complexValue(attr, added, attr.name)];
    return;
  }
  for (const el of matched) {
    if (sub) {
      const read = simpleValue(sub, value, name);
      if (read === null) delete el[sub.name];
      else el[sub.name] = read;
    } else Object.assign(el, complexValue(attr, value, name));
  }
  holder[attr.name] = list;
}

/** Keys of a value object (no path): each is a path of its own, or an extension's whole object. */
function applyValueObject(
  doc: Resource,
  op: 'add' | 'replace',
  value: unknown,
  schema: ResourceSchema,
  unknown: ScimType,
) {
  if (!isObject(value))
    throw scimBadRequest('invalidValue', 'An operation without a path takes an object value');
  for (const [key, v] of Object.entries(value)) {
    if (commonReadOnly.has(key.toLowerCase()) || key.toLowerCase() === 'groups') continue;
    const target = resolvePath(key, schema, unknown);
    if (!('attr' in target)) {
      if (!isObject(v)) throw scimBadRequest('invalidValue', `${key} is an object`);
      for (const [k, inner] of Object.entries(v))
        applyToTarget(doc, op, resolveIn(target.extension, k, schema, unknown), inner);
      continue;
    }
    applyToTarget(doc, op, target, v);
  }
}

function resolveIn(extension: string, key: string, schema: ResourceSchema, unknown: ScimType): Target {
  const t = resolvePath(`${extension}:${key}`, schema, unknown);
  if (!('attr' in t)) throw scimBadRequest(unknown, `Unknown attribute ${key}`);
  return t;
}

/** A POST or PUT body as a resource: read-only attributes ignored, unknown ones refused. */
export function readResource(body: unknown, schema: ResourceSchema): Resource {
  if (!isObject(body)) throw scimBadRequest('invalidSyntax', 'The body is a JSON object');
  const doc: Resource = {};
  applyValueObject(doc, 'replace', body, schema, 'invalidSyntax');
  return doc;
}

export function applyPatch(
  resource: Resource,
  operations: PatchOperation[],
  schema: ResourceSchema,
): Resource {
  const doc = structuredClone(resource);
  for (const [i, o] of operations.entries()) {
    const op = typeof o.op === 'string' ? o.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw scimBadRequest('invalidSyntax', `Operations[${i}].op is add, replace or remove`);
    const path = typeof o.path === 'string' && o.path.trim() ? o.path : undefined;
    if (!path) {
      if (op === 'remove') throw scimBadRequest('noTarget', `Operations[${i}]: remove needs a path`);
      applyValueObject(doc, op, o.value, schema, 'invalidPath');
      continue;
    }
    const target = resolvePath(path, schema, 'invalidPath');
    if (!('attr' in target)) {
      if (op === 'remove') {
        delete doc[target.extension];
        continue;
      }
      if (!isObject(o.value)) throw scimBadRequest('invalidValue', `${path} takes an object`);
      for (const [k, v] of Object.entries(o.value))
        applyToTarget(doc, op, resolveIn(target.extension, k, schema, 'invalidPath'), v);
      continue;
    }
    if (op !== 'remove' && o.value === undefined)
      throw scimBadRequest('invalidValue', `Operations[${i}] has no value`);
    applyToTarget(doc, op, target, o.value);
  }
  return doc;
}
