import type { SharingLevel } from '@partnergraph/shared/contracts/mapping';

/** A mapping partnership as the screens use it (the API's partnership). */
export interface PartnershipView {
  id: string;
  kind: 'vendor_partner' | 'partner_partner';
  status: 'pending' | 'active';
  optedIn: boolean;
  counterpart: { id: string; name: string; kind: 'vendor' | 'partner' };
  mine: {
    populationId: string;
    name: string;
    level: SharingLevel;
    sharedFields: string[];
    overridden: boolean;
  }[];
  theirs: { populationId: string; name: string; kind: string; level: SharingLevel; sharedFields: string[] }[];
}
