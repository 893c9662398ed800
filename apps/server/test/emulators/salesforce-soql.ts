/**
 * The small subset of SOQL the product sends, read as Salesforce reads it:
 * `SELECT f1, f2 FROM Obj [WHERE cond [AND cond]…] [ORDER BY f [ASC|DESC], …] [LIMIT n]`
 * where a condition is `Field op literal` (op: = != > >= < <=), `Field IN ('a', 'b')`;
 * literals are quoted strings, numbers, true/false/null, and unquoted datetimes.
 * Anything else answers MALFORMED_QUERY, as the real one does.
 */
export interface SoqlQuery {
  fields: string[];
  object: string;
  where: Condition[];
  orderBy: { field: string; desc: boolean }[];
  limit: number | null;
}

export interface Condition {
  field: string;
  op: '=' | '!=' | '>' | '>=' | '<' | '<=' | 'IN';
  value: unknown;
}

export class SoqlError extends Error {}

const literal = String.raw`'(?:[^'\\]|\\.)*'|[\w:.+-]+`;
const conditionRe = new RegExp(String.raw`^(\w+)\s*(=|!=|>=|<=|>|<)\s*(${literal})$`, 'i');
const inRe = /^(\w+)\s+IN\s*\((.*)\)$/i;

function readLiteral(text: string): unknown {
  const t = text.trim();
  if (t.startsWith("'")) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) return new Date(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new SoqlError(`unexpected token: '${t}'`);
}

export function parseSoql(soql: string): SoqlQuery {
  const m =
    /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(
      soql,
    );
  if (!m) throw new SoqlError(`unexpected token in: ${soql.slice(0, 80)}`);
  const [, fieldList, object, whereText, orderText, limitText] = m;
  const where: Condition[] = [];
  if (whereText) {
    for (const part of whereText.split(/\s+AND\s+/i)) {
      const inMatch = inRe.exec(part.trim());
      if (inMatch) {
        const values = inMatch[2]!.split(',').map((v) => readLiteral(v));
        where.push({ field: inMatch[1]!, op: 'IN', value: values });
        continue;
      }
      const c = conditionRe.exec(part.trim());
      if (!c) throw new SoqlError(`unexpected token: '${part.trim()}'`);
      where.push({ field: c[1]!, op: c[2] as Condition['op'], value: readLiteral(c[3]!) });
    }
  }
  const orderBy = (orderText ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [field, dir] = s.split(/\s+/);
      return { field: field!, desc: dir?.toUpperCase() === 'DESC' };
    });
  return {
    fields: fieldList!.split(',').map((f) => f.trim()),
    object: object!,
    where,
    orderBy,
    limit: limitText ? Number(limitText) : null,
  };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** `value` is read from the record (datetimes as ISO strings, so they compare as text). */
export function matches(record: Record<string, unknown>, where: Condition[]): boolean {
  return where.every(({ field, op, value }) => {
    const v = record[field] ?? null;
    switch (op) {
      case '=':
        return compare(v, value) === 0;
      case '!=':
        return compare(v, value) !== 0;
      case '>':
        return v !== null && compare(v, value) > 0;
      case '>=':
        return v !== null && compare(v, value) >= 0;
      case '<':
        return v !== null && compare(v, value) < 0;
      case '<=':
        return v !== null && compare(v, value) <= 0;
      case 'IN':
        return (value as unknown[]).some((x) => compare(v, x) === 0);
    }
  });
}

export function sortRecords<T extends Record<string, unknown>>(
  rows: T[],
  orderBy: SoqlQuery['orderBy'],
): T[] {
  return [...rows].sort((a, b) => {
    for (const { field, desc } of orderBy) {
      const c = compare(a[field] ?? null, b[field] ?? null);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}
