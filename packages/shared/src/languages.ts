// Apart from codes.ts: computed when the module loads (a bundler keeps such a call even if nothing uses
// its result), so only what shows the list pulls iso-639-1 (~3 KB gzip) into the web app.
import ISO6391 from 'iso-639-1';

/** ISO 639-1 languages with their English names. */
export const languages = ISO6391.getAllCodes()
  .map((code) => ({ code, name: ISO6391.getName(code) }))
  .sort((a, b) => a.name.localeCompare(b.name));
