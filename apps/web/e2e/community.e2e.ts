import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, useBrowser, waitForPath } from './support/browser';

// The community as a new partner user meets it: an open space joined from the list, a first post,
// a mention from another partner answered from the notification bell, an event RSVP with its
// calendar file, and a script typed into a post that stays text.

const stamp = Date.now();

interface Me {
  user: { id: string; name: string };
  organization: { id: string; name: string };
}
interface SpaceDto {
  id: string;
  name: string;
}
interface PostDto {
  id: string;
  title: string;
}
interface EventDto {
  id: string;
  title: string;
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** An open space the vendor admin creates for this run, so the test owns what it finds there. */
async function openSpace(name: string): Promise<SpaceDto> {
  const admin = await apiAs(accounts.admin);
  return admin.post<SpaceDto>('/spaces', {
    name,
    description: 'Where partners trade notes on cloud backup deals.',
    visibility: 'open',
  });
}

describe('community: spaces, posts, mentions and events', () => {
  const browser = useBrowser();

  test('a partner joins an open space, posts, is mentioned by another partner and replies', async () => {
    const page = browser.page();
    const space = await openSpace(`Backup sellers ${stamp}`);
    const contoso = await apiAs(accounts.contosoAdmin);
    const contosoMe = await contoso.get<Me>('/me');
    const northwindMe = await (await apiAs(accounts.northwindUser)).get<Me>('/me');

    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/organization');
    await nav(page, 'Spaces');
    await waitForPath(page, '/community/spaces');
    await page.getByRole('heading', { name: 'Spaces', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Search spaces' }).fill(space.name);
    const card = page.getByRole('listitem', { name: space.name });
    await card.getByRole('button', { name: `Join ${space.name}` }).click();
    await card.getByRole('button', { name: `Leave ${space.name}` }).waitFor();

    // The joined filter now lists it.
    await page
      .getByRole('radiogroup', { name: 'Which spaces' })
      .locator('label')
      .filter({ hasText: /^Joined$/ })
      .click();
    await card.waitFor();
    await card.getByRole('link', { name: space.name }).click();
    await waitForPath(page, `/community/spaces/${space.id}`);
    await page.getByRole('heading', { name: space.name, level: 1 }).waitFor();

    // A first post, previewed before it goes out; a script typed into it is only text.
    const title = `Who has a Veeam lab? ${stamp}`;
    await page.getByRole('button', { name: 'New post' }).click();
    const form = page.getByRole('form', { name: 'Publish post' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('combobox', { name: 'Post' })
      .fill('We need a **lab** for a demo next week.\n\n<script>window.__pwned = true</script>');
    await form.getByRole('tab', { name: 'Preview' }).click();
    const preview = form.getByLabel('Post preview');
    await expect.poll(() => preview.locator('strong').textContent()).toBe('lab');
    await form.getByRole('tab', { name: 'Write' }).click();
    await form.getByRole('button', { name: 'Publish post' }).click();
    const article = page.getByRole('article', { name: title });
    await article.waitFor();
    await expect.poll(() => article.textContent()).toContain('<script>window.__pwned = true</script>');
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await article.locator('script').count()).toBe(0);

    // Another partner joins and mentions them in a comment.
    await contoso.post(`/spaces/${space.id}/join`, {});
    const posts = await contoso.get<{ items: PostDto[] }>(`/spaces/${space.id}/posts?q=Veeam`);
    const post = posts.items.find((p) => p.title === title);
    if (!post) throw new Error('the post should be listed for another member');
    await contoso.post(`/posts/${post.id}/comments`, {
      body: `@[${northwindMe.user.name}](user:${northwindMe.user.id}) we have one in London, happy to share.`,
    });

    // The bell shows it (it polls; a reload asks at once), and leads to the comment.
    await page.reload();
    const bell = page.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ });
    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    await dialog.getByRole('listitem').filter({ hasText: contosoMe.user.name }).first().click();
    await waitForPath(page, `/community/posts/${post.id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const comment = page.getByRole('listitem', { name: `Comment by ${contosoMe.user.name}` });
    // The mention is a link to the member's directory entry.
    await comment.getByRole('link', { name: `@${northwindMe.user.name}` }).waitFor();

    // The reply mentions them back through the @ autocomplete.
    await comment.getByRole('button', { name: `Reply to ${contosoMe.user.name}` }).click();
    const reply = page.getByRole('form', { name: `Reply to ${contosoMe.user.name}` });
    const box = reply.getByRole('combobox', { name: `Reply to ${contosoMe.user.name}` });
    await box.pressSequentially(`Thanks @${contosoMe.user.name.slice(0, 3)}`);
    await page.getByRole('option', { name: contosoMe.user.name }).click();
    await expect
      .poll(() => box.inputValue())
      .toBe(`Thanks @[${contosoMe.user.name}](user:${contosoMe.user.id}) `);
    await box.pressSequentially('I will call you.');
    await reply.getByRole('button', { name: 'Reply', exact: true }).click();
    const replies = page.getByRole('list', { name: `Replies to ${contosoMe.user.name}` });
    const mine = replies.getByRole('listitem', { name: `Comment by ${northwindMe.user.name}` });
    await mine.waitFor();
    await mine.getByRole('link', { name: `@${contosoMe.user.name}` }).waitFor();
    await expect.poll(() => mine.textContent()).toContain('I will call you.');

    // The other side is told about the reply.
    await expect
      .poll(async () => {
        const list = await contoso.get<{ items: { kind: string; link: string }[] }>(
          '/notifications?unread=true',
        );
        return list.items.some((n) => n.link.startsWith(`/community/posts/${post.id}`));
      })
      .toBe(true);
  });

  test('a partner RSVPs to an upcoming event and downloads it for their calendar', async () => {
    const page = browser.page();
    const admin = await apiAs(accounts.admin);
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(15, 0, 0, 0);
    const event = await admin.post<EventDto>('/events', {
      title: `Backup partner webinar ${stamp}`,
      description: 'What is new in the **backup** line, with a live demo.',
      kind: 'webinar',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
      timeZone: 'Europe/Berlin',
      joinUrl: 'https://meet.example.com/backup-webinar',
      capacity: 50,
    });

    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/organization');
    await nav(page, 'Events');
    await waitForPath(page, '/community/events');
    const card = page.getByRole('listitem', { name: event.title });
    await card.getByRole('link', { name: event.title }).click();
    await waitForPath(page, `/community/events/${event.id}`);
    await page.getByRole('heading', { name: event.title, level: 1 }).waitFor();
    // The event's own time zone (Berlin) is shown, and the viewer's.
    await expect
      .poll(() => page.getByLabel('When (event time)').textContent())
      .toMatch(/GMT\+1|GMT\+2|CET|CEST/);

    await page.getByRole('button', { name: 'RSVP: I’m going' }).click();
    await page.getByRole('button', { name: 'Cancel my RSVP' }).waitFor();
    await page.getByRole('link', { name: 'https://meet.example.com/backup-webinar' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    const file = await download.path();
    const ics = await readFile(file, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(event.title);

    // Back on the list, the card says they are going.
    await nav(page, 'Events');
    await expect
      .poll(() => page.getByRole('listitem', { name: event.title }).textContent())
      .toContain('Going');
  });
});
