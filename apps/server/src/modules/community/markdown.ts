import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Members write Markdown; everyone else's browser shows the HTML rendered
 * here. Two layers: markdown-it with raw HTML off (a typed `<script>` becomes
 * text), then sanitize-html with an allow-list (only these tags, only
 * http(s)/mailto links, relative links for mentions), so a renderer bug or a
 * crafted link cannot reach the page as markup.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const allowedTags = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const policy: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'title', 'class', 'rel', 'target'], td: ['style'], th: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedClasses: { a: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Links leave the product: no referrer, no access to this window.
    a: (tagName, attribs) => {
      const internal = attribs.href?.startsWith('/') ?? false;
      return {
        tagName,
        attribs: internal ? attribs : { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' },
      };
    },
  },
};

/** `@[Name](user:<uuid>)`: how the composer writes a mention. */
const MENTION = /@\[([^\]\n]{1,100})\]\(user:([0-9a-f-]{36})\)/gi;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!.toLowerCase()))];
}

/**
 * Renders to safe HTML. Mentions of users in `known` (id → current name)
 * become links to their directory entry; any other mention stays plain text.
 */
export function renderMarkdown(body: string, known: Map<string, string> = new Map()): string {
  const withMentions = body.replace(MENTION, (_all, name: string, id: string) => {
    const current = known.get(id.toLowerCase());
    if (!current) return `@${name}`;
    // Escape Markdown's link syntax in the name: it is shown as written.
    const safe = current.replace(/[[\]\\`*_]/g, (c) => `\\${c}`);
    return `[@${safe}](/community/members/${id.toLowerCase()} "mention")`;
  });
  const html = md
    .render(withMentions)
    .replace(
      /<a href="\/community\/members\/([0-9a-f-]{36})" title="mention">/g,
      '<a href="/community/members/$1" class="mention">',
    );
  return sanitizeHtml(html, policy);
}

/** The text of a rendered post, for excerpts in reports and notifications. */
export function excerpt(body: string, max = 160): string {
  const plain = body
    .replace(MENTION, '@$1')
    .replace(/[#>*_`~[\]()!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
