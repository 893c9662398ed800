import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// Taking a course as a partner admin meets it: the vendor has published a course with a quiz in a
// learning path that certifies; the partner opens it from the navigation, marks a lesson done,
// answers the quiz wrong, then right, earns the certification and checks its public badge page.

const stamp = Date.now();

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function publishCourse() {
  const admin = await apiAs(accounts.admin);
  const type = await admin.post<{ id: string; name: string }>('/certification-types', {
    code: `e2e-${stamp}`,
    name: `Backup Specialist ${stamp}`,
    validityMonths: 12,
  });
  const course = await admin.post<{ id: string; title: string }>('/courses', {
    title: `Selling backup ${stamp}`,
    description: 'Two lessons and a quiz.',
    lessons: [
      { title: 'Why backups fail', body: 'Most restores fail because **nobody tested** them.' },
      { title: 'The pitch', body: 'Sell the restore, not the backup.' },
    ],
    questions: [
      { prompt: 'What do you sell?', options: ['The backup', 'The restore'], correctOption: 1 },
      { prompt: 'Why do restores fail?', options: ['Nobody tested them', 'Tape'], correctOption: 0 },
    ],
    passingScore: 100,
  });
  await admin.post('/learning-paths', {
    title: `Backup track ${stamp}`,
    courseIds: [course.id],
    certificationTypeId: type.id,
  });
  return { type, course };
}

async function answer(page: Page, question: string, option: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option }).check();
}

describe('enablement: taking a course', () => {
  const browser = useBrowser();

  test('a partner takes a course, passes its quiz, earns the certification and verifies the badge', async () => {
    const page = browser.page();
    const { type, course } = await publishCourse();

    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await nav(page, 'Courses');
    await waitForPath(page, '/enablement/courses');
    await page.getByRole('link', { name: course.title }).click();
    await waitForPath(page, `/enablement/courses/${course.id}`);
    await page.getByRole('heading', { name: course.title, level: 1 }).waitFor();

    // A lesson, rendered from its Markdown, marked done.
    const lesson = page.getByRole('region', { name: 'Lesson 1: Why backups fail' });
    await expect.poll(() => lesson.locator('strong').textContent()).toBe('nobody tested');
    await lesson.getByRole('button', { name: 'Mark as done' }).click();
    await lesson.getByText('Done', { exact: true }).waitFor();

    // A wrong answer does not pass.
    await answer(page, '1. What do you sell?', 'The backup');
    await answer(page, '2. Why do restores fail?', 'Nobody tested them');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const status = page.getByRole('status').filter({ hasText: 'You scored' });
    await expect.poll(() => status.textContent()).toContain('You scored 50% (1 of 2)');

    // Right, and the path's certification is earned.
    await answer(page, '1. What do you sell?', 'The restore');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => status.textContent()).toContain(`You earned ${type.name}.`);

    await nav(page, 'Certifications');
    await waitForPath(page, '/enablement/certifications');
    await expect.poll(async () => (await tableRows(page, 'Certifications')).join('\n')).toContain(type.name);
    const row = page.getByRole('row').filter({ hasText: type.name });
    const href = await row.getByRole('link', { name: 'Verify' }).getAttribute('href');
    expect(href).toMatch(/^\/badges\//);

    // The public page, signed in or not, says it verifies.
    await page.goto(new URL(href!, page.url()).toString());
    await page.getByRole('heading', { name: type.name, level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Verified');
  });
});
