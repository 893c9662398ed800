/**
 * What each kind of upload may be. Types are the ones `file-type` reads from
 * the content (plus plain text and CSV, which have no signature and are
 * recognised as valid UTF-8 without NUL bytes); the client's Content-Type and
 * the file name's extension are never trusted.
 */
export interface FilePolicy {
  /** Recorded on the file: which module's rules it was accepted under. */
  purpose: string;
  /** MIME type → what people call it, for the refusal message. */
  types: Readonly<Record<string, string>>;
  maxBytes: number;
}

const MiB = 1024 * 1024;

const documents = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
} as const;

export const FILE_POLICIES = {
  /** Invoices, photos and attendee lists that prove a funded activity happened. */
  proofOfPerformance: {
    purpose: 'proof_of_performance',
    types: { ...documents, 'image/heic': 'HEIC', 'text/csv': 'CSV', 'text/plain': 'text' },
    maxBytes: 20 * MiB,
  },
  /** Sales decks, data sheets, videos and bundles in the content library. */
  contentAsset: {
    purpose: 'content_asset',
    types: {
      ...documents,
      'image/gif': 'GIF',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
      'video/mp4': 'MP4',
      'application/zip': 'ZIP',
      'text/csv': 'CSV',
      'text/plain': 'text',
    },
    maxBytes: 100 * MiB,
  },
  /**
   * The vendor's logo, shown on public pages and in e-mails: images only, small enough for an
   * e-mail to carry. SVG is served with a policy that runs nothing inside it (brand.service.ts).
   */
  brandLogo: {
    purpose: 'brand_logo',
    types: { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/svg+xml': 'SVG' },
    maxBytes: 1 * MiB,
  },
} as const satisfies Record<string, FilePolicy>;
