import type { ImportEncoding, ImportType } from '../../api/imports';
import { searchOneOf, searchText } from '../../components/search-params';
import { encodingList, importTypeList } from './import-codes';

/** The new import's choices live in the URL, so "upload a corrected file" can come back with them. */
export interface NewImportSearch {
  type?: ImportType;
  encoding?: ImportEncoding;
  /** The import this file corrects: its mapping is offered for the new file. */
  from?: string;
}

export function parseNewImportSearch(search: Record<string, unknown>): NewImportSearch {
  return {
    type: searchOneOf(importTypeList, search.type),
    encoding: searchOneOf(encodingList, search.encoding),
    from: searchId(search.from),
  };
}

/**
 * An import's page shows the step its status puts it at; `step=columns` goes back to the mapping
 * (to change it and run the dry run again). `from` names the import a corrected file replaces.
 */
export interface ImportSearch {
  step?: 'columns';
  from?: string;
}

export function parseImportSearch(search: Record<string, unknown>): ImportSearch {
  return {
    step: searchOneOf(['columns'] as const, search.step),
    from: searchId(search.from),
  };
}

function searchId(value: unknown): string | undefined {
  const id = searchText(value);
  return id && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : undefined;
}
