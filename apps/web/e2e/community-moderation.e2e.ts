import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, useBrowser, waitForPath } from './support/browser';

// Moderation as the vendor's community team does it: a member reports a comment, the report waits
// in the queue, the moderator opens the content, hides it with a reason and resolves the report;
// the hidden comment is gone for other members.

const stamp = Date.now();

interface Me {
  user: { id: string; name: string };
}

describe('community moderation', () => {
  const browser = useBrowser();

  test('a reported comment is hidden from the queue and the report resolved', async () => {
    const page = browser.page();
    const admin = await apiAs(accounts.admin);
    const northwind = await apiAs(accounts.northwindUser);
    const contoso = await apiAs(accounts.contosoAdmin);
    const contosoMe = await contoso.get<Me>('/me');
    const space = await admin.post<{ id: string; name: string }>('/spaces', {
      name: `Deal desk ${stamp}`,
      visibility: 'open',
    });
    await northwind.post(`/spaces/${space.id}/join`, {});
    await contoso.post(`/spaces/${space.id}/join`, {});
    const post = await northwind.post<{ id: string; title: string }>(`/spaces/${space.id}/posts`, {
      title: `Pricing for the public sector ${stamp}`,
      body: 'Does anyone have the public sector price list?',
    });
    const comment = await contoso.post<{ id: string }>(`/posts/${post.id}/comments`, {
      body: 'Buy cheap watches at spam.example!',
    });

    // The post's author reports the comment from the page.
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.goto(`/community/posts/${post.id}`);
    await page.getByRole('heading', { name: post.title, level: 1 }).waitFor();
    const item = page.getByRole('listitem', { name: `Comment by ${contosoMe.user.name}` });
    await item.getByRole('button', { name: `Actions for the comment by ${contosoMe.user.name}` }).click();
    await page.getByRole('menuitem', { name: 'Report…' }).click();
    const report = page.getByRole('dialog', { name: 'Report this comment' });
    await report.getByRole('textbox', { name: 'Reason' }).fill('Spam');
    await report.getByRole('button', { name: 'Send report' }).click();
    await report.waitFor({ state: 'detached' });

    // The vendor admin finds it in the queue, opens it, hides it and resolves the report.
    await page.context().clearCookies();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation queue' })
      .click();
    await waitForPath(page, '/community/moderation');
    const card = page.getByRole('listitem', { name: `Report on a comment in ${space.name}` });
    await expect.poll(() => card.textContent()).toContain('Spam');
    await card.getByRole('link', { name: 'Open the comment' }).click();
    await waitForPath(page, `/community/posts/${post.id}`);
    const flagged = page.getByRole('listitem', { name: `Comment by ${contosoMe.user.name}` });
    await flagged.getByRole('button', { name: `Actions for the comment by ${contosoMe.user.name}` }).click();
    await page.getByRole('menuitem', { name: 'Hide…' }).click();
    const hide = page.getByRole('dialog', { name: 'Hide this comment' });
    await hide.getByRole('textbox', { name: 'Reason' }).fill('Spam link');
    await hide.getByRole('button', { name: 'Hide comment' }).click();
    await expect.poll(() => flagged.textContent()).toContain('Hidden: Spam link');

    await page.goBack();
    await waitForPath(page, '/community/moderation');
    await card.getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve the report' });
    await resolve.getByRole('textbox', { name: 'Note (optional)' }).fill('Hidden as spam.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => card.count()).toBe(0);

    // Another member no longer reads it.
    const comments = await northwind.get<{ items: { id: string; html: string; hidden: boolean }[] }>(
      `/posts/${post.id}/comments`,
    );
    const seen = comments.items.find((c) => c.id === comment.id);
    expect(seen?.html ?? '').not.toContain('spam.example');
  });

  test('a private space is by invitation: the vendor invites, the invited partner is told and accepts', async () => {
    const page = browser.page();
    const admin = await apiAs(accounts.admin);
    const northwind = await apiAs(accounts.northwindUser);
    const me = await northwind.get<Me>('/me');
    const space = await admin.post<{ id: string; name: string }>('/spaces', {
      name: `Design partners ${stamp}`,
      visibility: 'private',
    });

    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/community/spaces/${space.id}`);
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Invite people' }).click();
    const dialog = page.getByRole('dialog', { name: `Invite people to ${space.name}` });
    await dialog.getByRole('combobox', { name: 'People' }).fill(me.user.name);
    const option = page.getByRole('option', { name: new RegExp(me.user.name) });
    await option.waitFor();
    // The list refreshes as the search settles: pick once it has.
    await page.waitForLoadState('networkidle');
    await option.click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Send invitations' }).isEnabled()).toBe(true);
    // Close the list of names, as a person does by clicking away from it.
    await dialog.getByText(`Invite people to ${space.name}`).click();
    await dialog.getByRole('button', { name: 'Send invitations' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .getByRole('table', { name: 'Space members' })
      .getByRole('row', { name: new RegExp(me.user.name) });
    await expect.poll(() => row.textContent()).toContain('Invited');

    // The invited partner finds the notice in the bell, opens the space and accepts.
    await page.context().clearCookies();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByText(`invited you to the space ${space.name}`).click();
    await waitForPath(page, `/community/spaces/${space.id}`);
    await page.getByRole('button', { name: `Join ${space.name}` }).click();
    await expect
      .poll(async () => (await northwind.get<{ canPost: boolean }>(`/spaces/${space.id}`)).canPost)
      .toBe(true);

    // Contoso, not invited, cannot find it.
    const contoso = await apiAs(accounts.contosoAdmin);
    await expect(contoso.get(`/spaces/${space.id}`)).rejects.toThrow(/answered 404/);
  });
});
