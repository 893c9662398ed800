import type { z } from 'zod';
import type { publicLeadRequestBody } from '@partnergraph/shared/contracts/leads';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import { subjectsOf, takeAttempt, type Limit } from '../../lib/rate-limit';
import { tellAssigned } from './leads.notify';
import { checkLead, insertNewLead, type Mail } from './leads.service';

const requestLimit: Limit = { bucket: 'locator-lead', max: 5, windowMs: 3_600_000 };

/**
 * The public locator's "find me a partner": the request becomes a lead with
 * source `locator`, routed by the vendor's rules like any other. Spam
 * protection as on the locator's contact form: a trap field and a per-address limit.
 */
export async function requestPartner(
  db: Db,
  mail: Mail,
  req: { ip: string | null; requestId: string },
  input: z.output<typeof publicLeadRequestBody>,
) {
  const fields = {
    companyName: input.company,
    companyDomain: input.companyDomain,
    industry: input.industry,
  };
  // Checked before the limit is counted: a typo does not use up one of the person's requests.
  checkLead(fields);
  await takeAttempt(db, requestLimit, subjectsOf(input.email, req.ip), 'requests from this address');
  const receipt = {
    status: 'sent' as const,
    message: 'Thank you: your request was passed to a partner, who will contact you by email.',
  };
  if (input.homepage) return receipt;
  const id = await runChange(db, { actor: null, requestId: req.requestId, ip: req.ip }, (tx, record) =>
    insertNewLead(
      tx,
      record,
      {
        ...fields,
        source: 'locator',
        country: input.country,
        size: input.size,
        contactName: input.name,
        contactEmail: input.email,
        contactPhone: input.phone,
        need: input.message,
        products: [],
      },
      { route: true, userId: null },
    ),
  );
  await tellAssigned(db, mail, id);
  return receipt;
}
