import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { ImportPage } from './import-page';
import type { ImportSearch, NewImportSearch } from './import-search';
import { ImportsPage } from './imports-page';
import { NewImportPage } from './new-import-page';

// Imports write the whole ecosystem's records with their own dates and states: the vendor admin's
// screens alone, as the server's gate has it.

export function ImportsRoutePage() {
  const allowed = useCan('imports:manage');
  if (!allowed) return <NotAllowedPage what="the imports" />;
  return <ImportsPage />;
}

export function NewImportRoutePage(props: {
  search: NewImportSearch;
  onSearchChange: (next: NewImportSearch) => void;
}) {
  const allowed = useCan('imports:manage');
  if (!allowed) return <NotAllowedPage what="the imports" />;
  return <NewImportPage {...props} />;
}

export function ImportRoutePage({
  importId,
  ...props
}: {
  importId: string;
  search: ImportSearch;
  onSearchChange: (next: ImportSearch) => void;
}) {
  const allowed = useCan('imports:manage');
  if (!allowed) return <NotAllowedPage what="the imports" />;
  // Keyed by id: another import's page starts afresh (its mapping form, its report's page).
  return <ImportPage key={importId} importId={importId} {...props} />;
}
