import { localFields, type CrmMappings, type FieldMapping } from '@partnergraph/shared/contracts/crm';
import { invalid, type FieldError } from '../../lib/errors';
import type { CrmFieldType, CrmKind, CrmObject, CrmObjectSchema } from './crm.provider';
import { PRIMARY_COMPANY_FIELD } from './hubspot/hubspot.schema';

/**
 * Mappings: which of our fields meet which CRM field, in which direction, and
 * which side wins a conflict. Defaults suit a fresh org; they are validated
 * against the CRM's described schema like a person's edits, so a mapping the
 * org cannot hold is refused when saved, never discovered mid-sync.
 */
type LocalKind = 'text' | 'picklist' | 'money' | 'code' | 'date' | 'reference';

const localKinds: Record<CrmObject, Record<string, LocalKind>> = {
  account: { name: 'text', website: 'text', country: 'text' },
  opportunity: {
    name: 'text',
    stage: 'picklist',
    amount: 'money',
    currency: 'code',
    closeDate: 'date',
    account: 'reference',
    description: 'text',
  },
  lead: {
    company: 'text',
    contactName: 'text',
    contactEmail: 'text',
    contactPhone: 'text',
    website: 'text',
    need: 'text',
  },
};

const accepts: Record<LocalKind, CrmFieldType[]> = {
  text: ['string', 'textarea', 'email', 'url', 'phone', 'picklist'],
  picklist: ['picklist', 'string'],
  money: ['currency', 'number'],
  code: ['picklist', 'string'],
  date: ['date', 'datetime'],
  reference: ['reference', 'id'],
};

const m = (
  local: string,
  remote: string,
  direction: FieldMapping['direction'],
  systemOfRecord: FieldMapping['systemOfRecord'],
): FieldMapping => ({ local, remote, direction, systemOfRecord });

const salesforceStages: Record<string, CrmMappings['opportunity']['stageMap'][string]> = {
  Prospecting: 'qualification',
  Qualification: 'qualification',
  'Needs Analysis': 'discovery',
  'Value Proposition': 'discovery',
  'Id. Decision Makers': 'discovery',
  'Perception Analysis': 'proposal',
  'Proposal/Price Quote': 'proposal',
  'Negotiation/Review': 'negotiation',
  'Closed Won': 'won',
  'Closed Lost': 'lost',
};

const hubspotStages: Record<string, CrmMappings['opportunity']['stageMap'][string]> = {
  appointmentscheduled: 'qualification',
  qualifiedtobuy: 'discovery',
  presentationscheduled: 'proposal',
  decisionmakerboughtin: 'negotiation',
  contractsent: 'commit',
  closedwon: 'won',
  closedlost: 'lost',
};

/**
 * A HubSpot portal's own pipeline stages: the default pipeline's stage ids are known; a custom stage is
 * mapped to won / lost only when its label says so, and otherwise left for the admin to map (an unmapped
 * stage is a record error naming dealstage, never a guess).
 */
function hubspotStageMap(options: { value: string; label: string }[] | undefined) {
  if (!options) return hubspotStages;
  return Object.fromEntries(
    options.flatMap((o): [string, CrmMappings['opportunity']['stageMap'][string]][] => {
      const known = hubspotStages[o.value];
      if (known) return [[o.value, known]];
      if (/closed\s*won\b/i.test(o.label)) return [[o.value, 'won']];
      if (/closed\s*lost\b/i.test(o.label)) return [[o.value, 'lost']];
      return [];
    }),
  );
}

/**
 * A fresh org's defaults. Registration fields (name, account) are ours; stage,
 * amount and close date are the CRM's. The currency field is mapped only where
 * the org has one (Salesforce multi-currency orgs).
 */
export function defaultMappings(kind: CrmKind, opportunity?: CrmObjectSchema): CrmMappings {
  const has = (name: string) => opportunity?.fields.some((f) => f.name === name) ?? false;
  if (kind === 'salesforce') {
    const stageField = opportunity?.fields.find((f) => f.name === 'StageName');
    const stageMap = stageField?.options
      ? Object.fromEntries(
          stageField.options.flatMap((o) =>
            salesforceStages[o.value] ? [[o.value, salesforceStages[o.value]!]] : [],
          ),
        )
      : salesforceStages;
    return {
      account: {
        enabled: true,
        fields: [
          m('name', 'Name', 'both', 'partnergraph'),
          m('website', 'Website', 'both', 'partnergraph'),
          m('country', 'BillingCountry', 'push', 'partnergraph'),
        ],
      },
      opportunity: {
        enabled: true,
        fields: [
          m('name', 'Name', 'push', 'partnergraph'),
          m('account', 'AccountId', 'push', 'partnergraph'),
          m('stage', 'StageName', 'both', 'crm'),
          m('amount', 'Amount', 'both', 'crm'),
          ...(has('CurrencyIsoCode') ? [m('currency', 'CurrencyIsoCode', 'both', 'crm')] : []),
          m('closeDate', 'CloseDate', 'both', 'crm'),
        ],
        stageMap,
      },
      lead: {
        enabled: false,
        fields: [
          m('company', 'Company', 'push', 'partnergraph'),
          m('contactName', 'LastName', 'push', 'partnergraph'),
          m('contactEmail', 'Email', 'push', 'partnergraph'),
          m('need', 'Description', 'push', 'partnergraph'),
        ],
      },
      partners: {
        mode: 'opportunity_partner',
        lookupField: null,
        roles: {
          sourced: 'VAR/Reseller',
          referred: 'Broker',
          co_sell: 'VAR/Reseller',
          implementation: 'System Integrator',
          integration: 'Developer',
          influenced: 'Consultant',
        },
      },
    };
  }
  return {
    account: {
      enabled: true,
      fields: [
        m('name', 'name', 'both', 'partnergraph'),
        m('website', 'domain', 'both', 'partnergraph'),
        m('country', 'country', 'push', 'partnergraph'),
      ],
    },
    opportunity: {
      enabled: true,
      fields: [
        m('name', 'dealname', 'push', 'partnergraph'),
        // The customer company, as the deal's primary company association.
        m('account', PRIMARY_COMPANY_FIELD, 'push', 'partnergraph'),
        m('stage', 'dealstage', 'both', 'crm'),
        m('amount', 'amount', 'both', 'crm'),
        // Portals without multi-currency have no deal_currency_code: amounts are in the company currency.
        ...(!opportunity || has('deal_currency_code')
          ? [m('currency', 'deal_currency_code', 'both', 'crm')]
          : []),
        m('closeDate', 'closedate', 'both', 'crm'),
      ],
      stageMap: hubspotStageMap(opportunity?.fields.find((f) => f.name === 'dealstage')?.options),
    },
    lead: {
      enabled: false,
      fields: [
        m('company', 'company', 'push', 'partnergraph'),
        m('contactEmail', 'email', 'push', 'partnergraph'),
      ],
    },
    partners: {
      mode: 'opportunity_partner',
      lookupField: null,
      // The HubSpot adapter labels each association `Partner: <role>` (and `Primary partner`).
      roles: {
        sourced: 'Sourced',
        referred: 'Referral',
        co_sell: 'Co-sell',
        implementation: 'Implementation',
        integration: 'Integration',
        influenced: 'Influence',
      },
    },
  };
}

/** Every problem with the mappings against the described schemas, each naming its path. */
export function mappingErrors(
  mappings: CrmMappings,
  schemas: Partial<Record<CrmObject, CrmObjectSchema>>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const object of ['account', 'opportunity', 'lead'] as const) {
    const section = mappings[object];
    if (!section.enabled) continue;
    const schema = schemas[object];
    if (!schema) continue;
    const seen = new Set<string>();
    section.fields.forEach((f, i) => {
      const path = `body.mappings.${object}.fields.${i}`;
      const kind = localKinds[object][f.local];
      if (!kind || !(localFields[object] as readonly string[]).includes(f.local)) {
        errors.push({
          path: `${path}.local`,
          message: `${object} has no field ${f.local} on our side (${localFields[object].join(', ')})`,
        });
        return;
      }
      if (seen.has(f.local)) errors.push({ path: `${path}.local`, message: `${f.local} is mapped twice` });
      seen.add(f.local);
      const remote = schema.fields.find((x) => x.name === f.remote);
      if (!remote) {
        errors.push({ path: `${path}.remote`, message: `${schema.remoteName} has no field ${f.remote}` });
        return;
      }
      if (!accepts[kind].includes(remote.type)) {
        errors.push({
          path: `${path}.remote`,
          message: `${schema.remoteName}.${f.remote} is a ${remote.type} field; ${f.local} needs one of: ${accepts[kind].join(', ')}`,
        });
      }
      if (f.direction !== 'pull' && !remote.createable && !remote.updateable) {
        errors.push({
          path: `${path}.direction`,
          message: `${schema.remoteName}.${f.remote} is read-only in the CRM: it can only be pulled`,
        });
      }
    });
    if (object === 'opportunity') {
      const stage = mappings.opportunity.fields.find((f) => f.local === 'stage');
      const options = schema.fields.find((x) => x.name === stage?.remote)?.options;
      if (stage && options) {
        for (const value of Object.keys(mappings.opportunity.stageMap)) {
          if (!options.some((o) => o.value === value)) {
            errors.push({
              path: `body.mappings.opportunity.stageMap.${value}`,
              message: `${schema.remoteName}.${stage.remote} has no value ${value}`,
            });
          }
        }
      }
      const lookup = mappings.partners.lookupField;
      if (mappings.partners.mode === 'lookup') {
        const field = schema.fields.find((x) => x.name === lookup);
        if (!lookup || !field) {
          errors.push({
            path: 'body.mappings.partners.lookupField',
            message: `${schema.remoteName} has no field ${lookup ?? '(none given)'}`,
          });
        } else if (field.type !== 'reference') {
          errors.push({
            path: 'body.mappings.partners.lookupField',
            message: `${schema.remoteName}.${lookup} is a ${field.type} field, not a lookup`,
          });
        }
      }
    }
  }
  return errors;
}

export function assertMappings(mappings: CrmMappings, schemas: Partial<Record<CrmObject, CrmObjectSchema>>) {
  const errors = mappingErrors(mappings, schemas);
  if (errors.length) throw invalid(errors, 'The mapping does not fit the CRM’s schema');
}
