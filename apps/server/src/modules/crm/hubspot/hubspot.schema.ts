// HubSpot's objects and properties in the core's terms: which object each logical one is, how a property's
// type reads as a CrmFieldType, and how values cross over. HubSpot returns every property value as a
// string ("1200.5", "true", "2026-03-01T00:00:00Z"); the core gets numbers, booleans and ISO dates, and
// writes are turned back into the strings HubSpot expects.
import type { CrmField, CrmFieldType, CrmObject, CrmObjectSchema } from '../crm.provider';
import type { HubSpotCaller } from './hubspot.client';

export const remoteObject: Record<CrmObject, 'companies' | 'deals' | 'contacts'> = {
  account: 'companies',
  opportunity: 'deals',
  lead: 'contacts',
};

/** Contacts keep their modification time in `lastmodifieddate`; companies and deals in `hs_lastmodifieddate`. */
export const modifiedProperty = (object: CrmObject) =>
  object === 'lead' ? 'lastmodifieddate' : 'hs_lastmodifieddate';

interface HubSpotProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  options?: { value: string; label: string; hidden?: boolean }[];
  hubspotDefined?: boolean;
  calculated?: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
  modificationMetadata?: { readOnlyValue?: boolean };
}

function fieldType(p: HubSpotProperty): CrmFieldType {
  if (p.name === 'hs_object_id') return 'id';
  if (p.referencedObjectType) return 'reference';
  switch (p.type) {
    case 'string':
      if (p.fieldType === 'textarea' || p.fieldType === 'html') return 'textarea';
      if (p.fieldType === 'phonenumber') return 'phone';
      if (p.name === 'email' || p.name.endsWith('_email')) return 'email';
      if (p.name === 'website' || p.name === 'domain' || p.name.endsWith('_url')) return 'url';
      return 'string';
    case 'phone_number':
      return 'phone';
    case 'number':
      if (p.showCurrencySymbol) return 'currency';
      if (p.fieldType === 'percent' || p.name.endsWith('_probability')) return 'percent';
      return 'number';
    case 'bool':
      return 'boolean';
    case 'enumeration':
      return p.fieldType === 'booleancheckbox' ? 'boolean' : 'picklist';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'other';
  }
}

interface Pipeline {
  id: string;
  label: string;
  archived?: boolean;
  stages: { id: string; label: string; archived?: boolean }[];
}

/**
 * The deal's customer company is an association, not a property; it is offered to the mapping as this field
 * (a name no HubSpot property can have: property names hold no dots), and the adapter reads and writes it as
 * the deal's primary company association.
 */
export const PRIMARY_COMPANY_FIELD = 'associations.company';

/** Property names only: the association field is not sent to HubSpot as a property. */
export const propertyNames = (fields: string[]) => fields.filter((f) => f !== PRIMARY_COMPANY_FIELD);

/** The object's properties; for deals, the stage and pipeline options come from the deal pipelines. */
export async function describeObject(caller: HubSpotCaller, object: CrmObject): Promise<CrmObjectSchema> {
  const remoteName = remoteObject[object];
  const properties = (
    await caller.call((c, o) => c.crm.properties.coreApi.getAll(remoteName, false, undefined, o))
  ).results as unknown as HubSpotProperty[];
  let stageOptions: { value: string; label: string }[] | null = null;
  let pipelineOptions: { value: string; label: string }[] | null = null;
  if (object === 'opportunity') {
    const pipelines = (await caller.call((c, o) => c.crm.pipelines.pipelinesApi.getAll('deals', o)))
      .results as unknown as Pipeline[];
    const live = pipelines.filter((p) => !p.archived);
    // Stage ids are unique across a portal's pipelines; the label names the pipeline once there are several.
    stageOptions = live.flatMap((p) =>
      p.stages
        .filter((s) => !s.archived)
        .map((s) => ({ value: s.id, label: live.length > 1 ? `${p.label}: ${s.label}` : s.label })),
    );
    pipelineOptions = live.map((p) => ({ value: p.id, label: p.label }));
  }
  const fields = properties.map((p): CrmField => {
    const type = fieldType(p);
    const writable = !p.modificationMetadata?.readOnlyValue && !p.calculated && type !== 'id';
    const field: CrmField = {
      name: p.name,
      label: p.label,
      type,
      createable: writable,
      updateable: writable,
      custom: !p.hubspotDefined,
    };
    if (p.name === 'dealstage' && stageOptions) field.options = stageOptions;
    else if (p.name === 'pipeline' && pipelineOptions) field.options = pipelineOptions;
    else if (p.type === 'enumeration' && type === 'picklist')
      field.options = (p.options ?? [])
        .filter((o) => !o.hidden)
        .map((o) => ({ value: o.value, label: o.label }));
    if (p.referencedObjectType) field.referenceTo = [p.referencedObjectType];
    return field;
  });
  if (object === 'opportunity')
    fields.push({
      name: PRIMARY_COMPANY_FIELD,
      label: 'Company (the deal’s primary company association)',
      type: 'reference',
      createable: true,
      updateable: true,
      custom: false,
      referenceTo: ['companies'],
    });
  return { object, remoteName, fields };
}

/** A HubSpot value (always a string, or null) as the core reads it. */
export function readValue(type: CrmFieldType | undefined, value: string | null | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (value === '' && type !== 'string' && type !== 'textarea') return null;
  switch (type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case 'boolean':
      return value === 'true';
    case 'date':
      return isoDay(value);
    case 'datetime': {
      const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
      return Number.isNaN(ms) ? value : new Date(ms).toISOString();
    }
    default:
      return value;
  }
}

function isoDay(value: string) {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(0, 10);
}

/** A value from the core as HubSpot takes it: strings, `true`/`false`, dates as YYYY-MM-DD, datetimes ISO. */
export function writeValue(type: CrmFieldType | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (type === 'date' && typeof value === 'string') return isoDay(value);
  return String(value);
}
