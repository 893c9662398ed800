// Leads by import: new ones are written and routed by the vendor's rules in the batch's transaction
// (through leads' service, as the API would); a re-run finds each by its external id and changes nothing.
import { z } from 'zod';
import { companySizes } from '@partnergraph/shared/lead-codes';
import { findLeadByExternalId } from '../leads/leads.repository';
import { checkLead, insertNewLead } from '../leads/leads.service';
import type { Tx } from '../../db/transaction';
import { AppError } from '../../lib/errors';
import {
  country,
  currency,
  email,
  industry,
  list,
  minor,
  text,
  type Importer,
  type RowError,
} from './fields';

type LeadReady = {
  externalId: string;
  companyName: string;
  companyDomain?: string;
  country: string;
  industry?: string;
  size?: (typeof companySizes)[number];
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  need: string;
  products: string[];
  estimatedAmount?: number;
  estimatedCurrency?: string;
  exists: boolean;
};

// The batch's writes and their audit entry are the import's (runs.service.ts); routing's own
// entries and events are left to that record, as imported deals' are.
const quiet = { audit: () => undefined, event: () => undefined };

export const leadsImporter: Importer<LeadReady> = {
  type: 'leads',
  label: 'Leads',
  key: 'externalId',
  dependsOn: [],
  writes: ['leads', 'lead_assignments'],
  fields: [
    {
      key: 'externalId',
      label: 'External id',
      required: true,
      description:
        'The lead’s id in your marketing system: a re-import finds it by this and leaves it as it is',
      example: 'MKT-1042',
      aliases: ['id'],
      cell: text(200),
    },
    {
      key: 'companyName',
      label: 'Company',
      required: true,
      description: 'The prospect company',
      example: 'Initech',
      aliases: ['company', 'company.name'],
      cell: text(200, 2),
    },
    {
      key: 'companyDomain',
      label: 'Domain',
      description: 'Its web domain',
      example: 'initech.com',
      aliases: ['domain', 'company.domain'],
      cell: text(253),
    },
    {
      key: 'country',
      label: 'Country',
      required: true,
      description: 'ISO 3166-1 alpha-2 code or name',
      example: 'DE',
      aliases: ['company.country'],
      cell: country,
    },
    {
      key: 'industry',
      label: 'Industry',
      description: 'NAICS sector code',
      example: '51',
      aliases: ['company.industry'],
      cell: industry,
    },
    {
      key: 'size',
      label: 'Company size',
      description: `Employees: ${companySizes.join(', ')}`,
      example: '51-200',
      aliases: ['company.size'],
      cell: z.enum(companySizes, { message: `One of: ${companySizes.join(', ')}` }),
    },
    {
      key: 'contactName',
      label: 'Contact name',
      required: true,
      description: 'The person to call',
      example: 'Pat Prospect',
      aliases: ['contact.name'],
      cell: text(200, 2),
    },
    {
      key: 'contactEmail',
      label: 'Contact e-mail',
      required: true,
      description: 'Their e-mail address',
      example: 'pat@initech.com',
      aliases: ['contact.email'],
      cell: email,
    },
    {
      key: 'contactPhone',
      label: 'Contact phone',
      description: 'Their phone number',
      example: '+49 30 1234567',
      aliases: ['contact.phone'],
      cell: text(40),
    },
    {
      key: 'need',
      label: 'Need',
      required: true,
      description: 'What they are looking for',
      example: 'Managed backups for 40 offices',
      cell: text(5000, 3),
    },
    {
      key: 'products',
      label: 'Products',
      description: 'Products asked for, separated by ;',
      example: 'Backup Pro; Secure Gateway',
      cell: list(text(100)),
    },
    {
      key: 'estimatedAmount',
      label: 'Estimated value',
      description: 'Integer minor units (cents)',
      example: '2500000',
      cell: minor,
    },
    {
      key: 'estimatedCurrency',
      label: 'Currency',
      description: 'ISO 4217 code of the estimated value',
      example: 'USD',
      cell: currency,
    },
  ],
  check(row, issue) {
    if ((row.estimatedAmount === undefined) !== (row.estimatedCurrency === undefined)) {
      issue('estimatedCurrency', 'Give an estimated value and its currency together');
    }
  },
  keyOf: (row) => String(row.externalId),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const ready: (LeadReady | null)[] = [];
    for (const [index, r] of rows.entries()) {
      try {
        checkLead(
          {
            companyName: String(r.companyName),
            companyDomain: r.companyDomain as string | undefined,
            industry: r.industry as string | undefined,
          },
          'row',
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        for (const e of err.extra.errors ?? [])
          errors.push({ index, field: e.path.replace(/^row\./, ''), message: e.message });
        ready.push(null);
        continue;
      }
      const existing = await findLeadByExternalId(q, String(r.externalId));
      ready.push({
        ...(r as Omit<LeadReady, 'exists' | 'products'>),
        products: (r.products as string[] | undefined) ?? [],
        exists: Boolean(existing),
      });
    }
    return { errors, ready };
  },

  async write(q, rows) {
    let created = 0;
    for (const { exists, ...r } of rows) {
      if (exists) continue;
      await insertNewLead(q as Tx, quiet, { ...r, source: 'import' }, { route: true, userId: null });
      created++;
    }
    return { created, updated: 0 };
  },
};
