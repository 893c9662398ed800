// A community notification, for members who chose to receive it by e-mail.
import { action, paragraph, quote, render, type Email, type Site } from '../layout';
import { hello } from './wording';

/**
 * A notification the member chose to receive by e-mail (mention, reply,
 * announcement…): the same words as the bell shows, a link to the place, and
 * where to turn this kind off.
 */
export function notificationEmail(
  d: { name: string; title: string; body: string; path: string; settingsPath: string },
  site: Site,
): Email {
  const url = `${site.url}${d.path}`;
  return render(
    site,
    d.title,
    [hello(d.name), paragraph(d.title), ...(d.body ? [quote(d.body)] : []), action('Open it', url)],
    {
      reason: 'You receive this because you chose e-mail for this kind of notification.',
      unsubscribeUrl: `${site.url}${d.settingsPath}`,
    },
  );
}
