// The HubSpot emulator's portal: objects, properties, pipelines and associations, with the rules HubSpot's
// documented CRM v3/v4 APIs apply (property validation, search filters and its 10,000-result cap,
// archived records, labelled associations). The HTTP side is in hubspot.ts.

export type ObjectType = 'companies' | 'deals' | 'contacts';
export const objectTypes: ObjectType[] = ['companies', 'deals', 'contacts'];

/** HubSpot accepts `deal`, `deals` and the object type id `0-3` in paths. */
export function objectTypeOf(name: string): ObjectType | null {
  const n = name.toLowerCase();
  if (n === 'company' || n === 'companies' || n === '0-2') return 'companies';
  if (n === 'deal' || n === 'deals' || n === '0-3') return 'deals';
  if (n === 'contact' || n === 'contacts' || n === '0-1') return 'contacts';
  return null;
}
export const typeIds: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };

/** Contacts keep their modification time in `lastmodifieddate`; the other objects in `hs_lastmodifieddate`. */
export const lastModifiedProperty = (t: ObjectType) =>
  t === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';

export interface PropertyDef {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';
  fieldType: string;
  options?: { label: string; value: string }[];
  hubspotDefined?: boolean;
  readOnly?: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
}

const sys = (name: string, label: string, type: PropertyDef['type'], fieldType: string): PropertyDef => ({
  name,
  label,
  type,
  fieldType,
  hubspotDefined: true,
  readOnly: true,
});
const std = (
  name: string,
  label: string,
  type: PropertyDef['type'] = 'string',
  fieldType = 'text',
  extra: Partial<PropertyDef> = {},
): PropertyDef => ({ name, label, type, fieldType, hubspotDefined: true, ...extra });
const opts = (...values: string[]) =>
  values.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }));

export const defaultStages = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
  ['presentationscheduled', 'Presentation Scheduled', '0.6'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
  ['contractsent', 'Contract Sent', '0.9'],
  ['closedwon', 'Closed Won', '1.0'],
  ['closedlost', 'Closed Lost', '0.0'],
] as const;

function defaultProperties(): Record<ObjectType, PropertyDef[]> {
  const common = [
    sys('hs_object_id', 'Record ID', 'number', 'number'),
    sys('createdate', 'Create Date', 'datetime', 'date'),
  ];
  return {
    companies: [
      ...common,
      sys('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
      std('name', 'Company name'),
      std('domain', 'Company Domain Name'),
      std('website', 'Website URL'),
      std('phone', 'Phone Number', 'string', 'phonenumber'),
      std('city', 'City'),
      std('country', 'Country/Region'),
      std('industry', 'Industry', 'enumeration', 'select', {
        options: opts('software', 'retail', 'finance'),
      }),
      std('numberofemployees', 'Number of Employees', 'number', 'number'),
      std('annualrevenue', 'Annual Revenue', 'number', 'number', { showCurrencySymbol: true }),
      std('description', 'Description', 'string', 'textarea'),
    ],
    deals: [
      ...common,
      sys('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
      std('dealname', 'Deal Name'),
      std('amount', 'Amount', 'number', 'number', { showCurrencySymbol: true }),
      std('deal_currency_code', 'Currency', 'enumeration', 'select', {
        options: ['USD', 'EUR', 'GBP'].map((c) => ({ value: c, label: c })),
      }),
      std('closedate', 'Close Date', 'datetime', 'date'),
      std('pipeline', 'Pipeline', 'enumeration', 'select', {
        options: [{ value: 'default', label: 'Sales Pipeline' }],
      }),
      std('dealstage', 'Deal Stage', 'enumeration', 'radio', {
        options: defaultStages.map(([value, label]) => ({ value, label })),
      }),
      std('hubspot_owner_id', 'Deal owner', 'enumeration', 'select', {
        options: [],
        referencedObjectType: 'OWNER',
      }),
      std('description', 'Deal Description', 'string', 'textarea'),
    ],
    contacts: [
      ...common,
      sys('lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
      std('email', 'Email'),
      std('firstname', 'First Name'),
      std('lastname', 'Last Name'),
      std('company', 'Company Name'),
      std('website', 'Website URL'),
      std('phone', 'Phone Number', 'string', 'phonenumber'),
      std('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', {
        options: opts('subscriber', 'lead', 'marketingqualifiedlead', 'opportunity', 'customer'),
      }),
    ],
  };
}

export interface StoredObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | null;
}

export interface LabelDef {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  typeId: number;
  label: string | null;
  name?: string;
}

/** A refusal HubSpot answers with 400 and its classic `Property values were not valid` body. */
export class ValidationError extends Error {
  constructor(readonly invalid: { name: string; error: string; message: string }[]) {
    super('Property values were not valid');
  }
  body() {
    const detail = this.invalid.map((i) => ({
      isValid: false,
      message: i.message,
      error: i.error,
      name: i.name,
      localizedErrorMessage: i.message,
    }));
    return {
      status: 'error',
      message: `Property values were not valid: ${JSON.stringify(detail)}`,
      correlationId: crypto.randomUUID(),
      category: 'VALIDATION_ERROR',
    };
  }
}

/**
 * A property validation rule (`PUT /crm/v3/property-validations/{objectTypeId}/{property}/rule-type/{ruleType}`):
 * a value that breaks it is refused with the classic VALIDATION_ERROR body naming the property.
 */
export interface PropertyRule {
  object: ObjectType;
  property: string;
  ruleType: 'MAX_LENGTH' | 'MAX_NUMBER';
  limit: number;
}

function breaks(rule: PropertyRule, value: string | null) {
  if (value === null || value === '') return null;
  if (rule.ruleType === 'MAX_LENGTH' && value.length > rule.limit)
    return `${value} is longer than the ${rule.limit} characters allowed for ${rule.property}`;
  if (rule.ruleType === 'MAX_NUMBER' && Number(value) > rule.limit)
    return `${value} is greater than the maximum of ${rule.limit} allowed for ${rule.property}`;
  return null;
}

export class Portal {
  readonly objects: Record<ObjectType, Map<string, StoredObject>> = {
    companies: new Map(),
    deals: new Map(),
    contacts: new Map(),
  };
  readonly properties = defaultProperties();
  /** deal→company label definitions; company→deal ones are their inverses (typeId + 1). */
  readonly dealCompanyLabels: LabelDef[] = [
    { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
    { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
  ];
  /** `${dealId}:${companyId}` → the association type ids on that pair. */
  readonly dealCompany = new Map<string, Set<number>>();
  rules: PropertyRule[] = [];
  private nextId = 1000;
  private nextLabelId = 100;
  /** Milliseconds; the test can pin it so that several records share a modification time. */
  clock: () => number = () => Date.now();

  constructor(readonly portalId: number) {}

  property(t: ObjectType, name: string) {
    return this.properties[t].find((p) => p.name === name);
  }

  validate(t: ObjectType, props: Record<string, unknown>) {
    const invalid: { name: string; error: string; message: string }[] = [];
    for (const [name, value] of Object.entries(props)) {
      const def = this.property(t, name);
      if (!def) {
        invalid.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      } else if (def.readOnly) {
        invalid.push({
          name,
          error: 'READ_ONLY_VALUE',
          message: `${name} is a read only property; its value cannot be set.`,
        });
      } else if (def.type === 'enumeration' && value !== null && value !== '' && def.options?.length) {
        const allowed = def.options.map((o) => o.value);
        const given = def.fieldType === 'checkbox' ? String(value).split(';') : [String(value)];
        if (given.some((v) => !allowed.includes(v))) {
          const list = def.options.map((o) => `[label: "${o.label}" value: "${o.value}"]`).join(', ');
          invalid.push({
            name,
            error: 'INVALID_OPTION',
            message: `${String(value)} was not one of the allowed options: ${list}`,
          });
        }
      } else if (def.type === 'number' && value !== null && value !== '' && !Number.isFinite(Number(value))) {
        invalid.push({ name, error: 'INVALID_DECIMAL', message: `${String(value)} is not a valid decimal` });
      } else {
        const written = this.normalize(t, { [name]: value })[name] ?? null;
        for (const rule of this.rules.filter((r) => r.object === t && r.property === name)) {
          const message = breaks(rule, written);
          if (message) invalid.push({ name, error: `INVALID_${rule.ruleType}`, message });
        }
      }
    }
    if (invalid.length) throw new ValidationError(invalid);
  }

  /** Stores a write as HubSpot does: every value as a string, dates as HubSpot writes them back. */
  normalize(t: ObjectType, props: Record<string, unknown>) {
    const out: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(props)) {
      const def = this.property(t, name);
      if (value === null || value === undefined || value === '') out[name] = value === '' ? '' : null;
      else if (def?.type === 'datetime' || def?.type === 'date') {
        const ms = /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value));
        out[name] = Number.isNaN(ms) ? String(value) : new Date(ms).toISOString();
      } else out[name] = String(value);
    }
    return out;
  }

  private stamp(t: ObjectType, o: StoredObject, at: number) {
    o.updatedAt = at;
    o.properties[lastModifiedProperty(t)] = new Date(at).toISOString();
  }

  /** `at` lets a test seed history (and equal timestamps); the API always uses the clock. */
  create(t: ObjectType, props: Record<string, unknown>, at = this.clock()) {
    const id = String(this.nextId++);
    const o: StoredObject = {
      id,
      properties: { ...this.normalize(t, props), hs_object_id: id, createdate: new Date(at).toISOString() },
      createdAt: at,
      updatedAt: at,
      archived: false,
      archivedAt: null,
    };
    if (t === 'deals') o.properties.pipeline ??= 'default';
    this.stamp(t, o, at);
    this.objects[t].set(id, o);
    return o;
  }

  update(t: ObjectType, id: string, props: Record<string, unknown>, at = this.clock()) {
    const o = this.live(t, id);
    if (!o) return null;
    Object.assign(o.properties, this.normalize(t, props));
    this.stamp(t, o, at);
    return o;
  }

  archive(t: ObjectType, id: string, at = this.clock()) {
    const o = this.live(t, id);
    if (!o) return false;
    o.archived = true;
    o.archivedAt = at;
    if (t === 'deals')
      for (const key of [...this.dealCompany.keys()])
        if (key.startsWith(`${id}:`)) this.dealCompany.delete(key);
    if (t === 'companies')
      for (const key of [...this.dealCompany.keys()])
        if (key.endsWith(`:${id}`)) this.dealCompany.delete(key);
    return true;
  }

  live(t: ObjectType, id: string) {
    const o = this.objects[t].get(id);
    return o && !o.archived ? o : undefined;
  }

  /** What an API response shows: the asked-for properties plus the ones HubSpot always returns. */
  view(t: ObjectType, o: StoredObject, props: string[] | null) {
    const base = ['hs_object_id', 'createdate', lastModifiedProperty(t)];
    const defaults: Record<ObjectType, string[]> = {
      companies: ['name', 'domain'],
      deals: ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate'],
      contacts: ['email', 'firstname', 'lastname'],
    };
    const names = new Set([...base, ...(props && props.length ? props : defaults[t])]);
    const properties: Record<string, string | null> = {};
    for (const n of names) if (this.property(t, n)) properties[n] = o.properties[n] ?? null;
    return {
      id: o.id,
      properties,
      createdAt: new Date(o.createdAt).toISOString(),
      updatedAt: new Date(o.updatedAt).toISOString(),
      archived: o.archived,
      ...(o.archived ? { archivedAt: new Date(o.archivedAt!).toISOString() } : {}),
    };
  }

  /** A deal→company association made with these types (the unlabelled 341 always included). */
  associateDealCompany(dealId: string, companyId: string, typeIds: number[]) {
    if (typeIds.includes(5)) this.clearPrimaryCompany(dealId);
    const set = this.dealCompany.get(`${dealId}:${companyId}`) ?? new Set([341]);
    for (const x of typeIds) set.add(x);
    this.dealCompany.set(`${dealId}:${companyId}`, set);
  }

  clearPrimaryCompany(dealId: string) {
    for (const [key, set] of this.dealCompany) if (key.startsWith(`${dealId}:`)) set.delete(5);
  }

  labels() {
    return this.dealCompanyLabels;
  }

  createLabel(label: string, name: string) {
    if (this.dealCompanyLabels.some((l) => l.name === name || l.label === label)) return null;
    const def: LabelDef = { category: 'USER_DEFINED', typeId: this.nextLabelId, label, name };
    this.nextLabelId += 2;
    this.dealCompanyLabels.push(def);
    return def;
  }
}

/** HubSpot search: OR of filter groups, each an AND of filters; values compared by the property's type. */
export function matches(portal: Portal, t: ObjectType, o: StoredObject, filterGroups: FilterGroup[]) {
  if (!filterGroups.length) return true;
  return filterGroups.some((g) => (g.filters ?? []).every((f) => matchFilter(portal, t, o, f)));
}

export interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
  values?: string[];
}
export interface FilterGroup {
  filters?: Filter[];
}

/** Parsed timestamps, remembered: a search over ten thousand records compares each of them. */
const parsedTimes = new Map<string, number>();
function time(v: string) {
  let ms = parsedTimes.get(v);
  if (ms === undefined) {
    ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    if (parsedTimes.size > 100_000) parsedTimes.clear();
    parsedTimes.set(v, ms);
  }
  return ms;
}

function comparable(def: PropertyDef | undefined, v: string | null | undefined): number | string | null {
  if (v === null || v === undefined || v === '') return null;
  if (def?.type === 'datetime' || def?.type === 'date') return time(v);
  if (def?.type === 'number') return Number(v);
  return v.toLowerCase();
}

function matchFilter(portal: Portal, t: ObjectType, o: StoredObject, f: Filter) {
  const def = portal.property(t, f.propertyName);
  const have = comparable(def, o.properties[f.propertyName]);
  const want = comparable(def, f.value);
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return have !== null;
    case 'NOT_HAS_PROPERTY':
      return have === null;
    case 'EQ':
      return have !== null && have === want;
    case 'NEQ':
      return have !== want;
    case 'IN':
      return (f.values ?? []).some((v) => comparable(def, v) === have);
    case 'NOT_IN':
      return !(f.values ?? []).some((v) => comparable(def, v) === have);
  }
  if (have === null || want === null) return false;
  switch (f.operator) {
    case 'GT':
      return have > want;
    case 'GTE':
      return have >= want;
    case 'LT':
      return have < want;
    case 'LTE':
      return have <= want;
    case 'BETWEEN': {
      const high = comparable(def, f.highValue);
      return high !== null && have >= want && have <= high;
    }
  }
  throw new ValidationError([
    { name: f.propertyName, error: 'INVALID_FILTER', message: `Unknown operator ${f.operator}` },
  ]);
}

export type Sort = string | { propertyName: string; direction?: 'ASCENDING' | 'DESCENDING' };

export function sortObjects(portal: Portal, t: ObjectType, list: StoredObject[], sorts: Sort[]) {
  const s = sorts[0];
  const spec =
    s === undefined
      ? { propertyName: 'hs_object_id', direction: 'ASCENDING' }
      : typeof s === 'string'
        ? { propertyName: s.replace(/^-/, ''), direction: s.startsWith('-') ? 'DESCENDING' : 'ASCENDING' }
        : { propertyName: s.propertyName, direction: s.direction ?? 'ASCENDING' };
  const def = portal.property(t, spec.propertyName);
  const sign = spec.direction === 'DESCENDING' ? -1 : 1;
  // Keys computed once per record: the paging tests sort ten thousand records per search.
  const keyed = list.map((o) => ({
    o,
    k: comparable(def, o.properties[spec.propertyName]),
    id: Number(o.id),
  }));
  keyed.sort((a, b) => {
    if (a.k === b.k) return a.id - b.id;
    if (a.k === null) return 1;
    if (b.k === null) return -1;
    return (a.k < b.k ? -1 : 1) * sign;
  });
  return keyed.map((x) => x.o);
}
