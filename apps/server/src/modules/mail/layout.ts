import { escapeHtml } from '../../lib/mail';

/** What every email is: the subject and the same message as plain text and as HTML. */
export interface Email {
  subject: string;
  text: string;
  html: string;
}

/** Where links point (PUBLIC_URL) and, when the caller has the configuration, whose platform this is. */
export interface Site {
  url: string;
  vendorName?: string | undefined;
}

export const siteOf = (config: { PUBLIC_URL: string; VENDOR_NAME?: string }): Site => ({
  url: config.PUBLIC_URL,
  vendorName: config.VENDOR_NAME,
});

/** An absolute link into the web app; each segment is encoded, so no value can bend the path. */
export function linkTo(site: Site, ...segments: string[]): string {
  return `${site.url}/${segments.map(encodeURIComponent).join('/')}`;
}

// A message is written once as blocks and rendered twice, so the text and the
// HTML cannot drift apart: the same words, the same links, in the same order.

export type Inline = string | { strong: string };

export type Block =
  | { kind: 'paragraph'; parts: Inline[] }
  | { kind: 'quote'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: { title: string; url: string; detail?: string | undefined }[] };

export const paragraph = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
export const quote = (text: string): Block => ({ kind: 'quote', text });
export const action = (label: string, url: string): Block => ({ kind: 'action', label, url });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const list = (items: { title: string; url: string; detail?: string | undefined }[]): Block => ({
  kind: 'list',
  items,
});
export const strong = (text: string): Inline => ({ strong: text });

/** Why the recipient got the message and, for mail they may turn off, where to turn it off. */
export interface Footer {
  reason: string;
  unsubscribeUrl?: string;
}

const inlineText = (parts: Inline[]) => parts.map((p) => (typeof p === 'string' ? p : p.strong)).join('');

function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return inlineText(b.parts);
    case 'quote':
      return `“${b.text}”`;
    case 'action':
      return `${b.label}:\n${b.url}`;
    case 'heading':
      return b.text;
    case 'list':
      return b.items.map((i) => `- ${i.title}${i.detail ? ` (${i.detail})` : ''}\n  ${i.url}`).join('\n');
  }
}

const lines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
const a = (url: string, label: string, style: string) =>
  `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;

const DEFAULT_COLOUR = '#3b5bdb';
const BUTTON_STYLE =
  'display:inline-block;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;font-weight:600';
const p = (inner: string, style = 'margin:0 0 16px') => `<p style="${style}">${inner}</p>`;

function blockHtml(b: Block, linkStyle: string, buttonStyle: string): string {
  switch (b.kind) {
    case 'paragraph':
      return p(
        b.parts
          .map((x) => (typeof x === 'string' ? lines(x) : `<strong>${lines(x.strong)}</strong>`))
          .join(''),
      );
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #ced4da;color:#495057">${lines(`“${b.text}”`)}</blockquote>`;
    case 'action':
      return p(a(b.url, b.label, buttonStyle));
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:16px">${lines(b.text)}</h2>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding-left:20px">${b.items
        .map(
          (i) =>
            `<li style="margin:0 0 4px">${a(i.url, i.title, linkStyle)}${i.detail ? ` (${lines(i.detail)})` : ''}</li>`,
        )
        .join('')}</ul>`;
  }
}

/** The vendor's brand as the settings hold it (brand.service.ts); null fields keep the defaults. */
export interface MailBrand {
  name: string | null;
  primaryColor: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  /** Path under the site, e.g. /api/v1/brand/logo?v=…; the message makes it absolute. */
  logoUrl: string | null;
}

/**
 * The brand messages are rendered with. Templates render synchronously from many modules, so the
 * brand service keeps this copy current: loaded when the server starts, replaced on every change and
 * on every read of the brand (another server process's change reaches this one on its next read).
 */
let mailBrand: MailBrand | null = null;
export const setMailBrand = (brand: MailBrand | null) => {
  mailBrand = brand;
};

/** The name a message's own words use for the platform ("your … account"). */
export const platformName = () => mailBrand?.name ?? 'PartnerGraph';

/** The platform's name as the message carries it: the vendor's brand once it has named itself. */
export const brandOf = (site: Site) =>
  mailBrand?.name ?? (site.vendorName ? `${site.vendorName} · PartnerGraph` : 'PartnerGraph');

/** The one layout every email shares: the platform's name, the message, and a footer saying why it came. */
export function render(site: Site, subject: string, body: Block[], footer: Footer): Email {
  const brand = brandOf(site);
  const support = [mailBrand?.supportEmail, mailBrand?.supportUrl].filter((x): x is string => !!x);
  const footText = [
    footer.reason,
    ...(footer.unsubscribeUrl ? [`Unsubscribe: ${footer.unsubscribeUrl}`] : []),
    ...(support.length ? [`Help: ${support.join(' · ')}`] : []),
    `${brand}: ${site.url}`,
  ];
  const colour = mailBrand?.primaryColor ?? DEFAULT_COLOUR;
  const linkStyle = `color:${colour}`;
  const buttonStyle = `${BUTTON_STYLE};background:${colour}`;
  const logo = mailBrand?.logoUrl
    ? `<img src="${escapeHtml(`${site.url}${mailBrand.logoUrl}`)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px;border:0">`
    : '';
  const supportHtml = support.map((x) =>
    x.includes('@') ? a(`mailto:${x}`, x, linkStyle) : a(x, x, linkStyle),
  );
  const text = `${body.map(blockText).join('\n\n')}\n\n-- \n${footText.join('\n')}\n`;
  const small = 'margin:0 0 8px;font-size:12px;color:#868e96';
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f1f3f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#212529">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px">',
    p(
      `${logo}${a(site.url, brand, 'color:#212529;text-decoration:none;font-weight:700')}`,
      'margin:0 0 24px',
    ),
    ...body.map((b) => blockHtml(b, linkStyle, buttonStyle)),
    '<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0 16px">',
    p(lines(footer.reason), small),
    ...(footer.unsubscribeUrl ? [p(`${a(footer.unsubscribeUrl, 'Unsubscribe', linkStyle)}`, small)] : []),
    ...(supportHtml.length ? [p(`Help: ${supportHtml.join(' · ')}`, small)] : []),
    p(`${escapeHtml(brand)}: ${a(site.url, site.url, linkStyle)}`, small),
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}
