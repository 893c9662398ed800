import { AxeBuilder } from '@axe-core/playwright';
import type { Keyboard, Locator, Page } from 'playwright-core';

/**
 * The accessibility check every browser test runs: axe-core against WCAG 2.0, 2.1 and 2.2, levels
 * A and AA, on every screen a test visits. No rule is disabled; a violation fails the test.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Locator methods that act on the page. Before each one runs, the screen the user is looking at has
 * settled enough to be acted on, so that is when it is checked; after `waitFor` (a test waiting for a
 * screen to show what it expects) too.
 */
const ACTIONS = new Set([
  'click',
  'dblclick',
  'fill',
  'press',
  'pressSequentially',
  'type',
  'check',
  'uncheck',
  'setChecked',
  'selectOption',
  'setInputFiles',
  'hover',
  'focus',
  'tap',
  'clear',
  'dragTo',
  'selectText',
]);
const KEYBOARD_ACTIONS = new Set(['press', 'type', 'insertText', 'down', 'up']);

/**
 * What tells one state of a screen from another: its address, the headings and tables it shows and
 * the dialogs and menus open over it. A state is checked once per test; a new state (another page,
 * a tab that shows other sections, a modal opening) is checked again.
 */
function screenKey(): string {
  const visible = (el: Element) =>
    (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
  const names = (selector: string) =>
    Array.from(document.querySelectorAll(selector))
      .filter(visible)
      .map((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const label =
          el.getAttribute('aria-label') ??
          (labelledBy ? document.getElementById(labelledBy.split(' ')[0] ?? '')?.textContent : null) ??
          el.textContent?.slice(0, 40);
        return `${el.tagName}:${label ?? ''}`;
      })
      .join(',');
  return [
    location.pathname + location.search,
    names('h1, h2, h3'),
    names('table'),
    names('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [role="tabpanel"]'),
  ].join('|');
}

export interface AxeWatch {
  /** The page as a test uses it: each action first checks the screen when it is new. */
  page: Page;
  /** Checks the screen now, whatever was checked before it (the state a test ends on). */
  checkNow(): Promise<void>;
  /** Each rule broken on a screen, readable: rule, impact, what is wrong, on which screen, where. */
  violations(): string[];
}

/** Watches `page`: every new screen state a test acts on is checked with axe. */
export function watchAccessibility(page: Page): AxeWatch {
  const checked = new Set<string>();
  const found = new Map<string, { heading: string; targets: Map<string, string> }>();
  let running: Promise<void> | undefined;

  async function analyze() {
    const results = await new AxeBuilder({ page })
      .withTags(AXE_TAGS)
      // axe.run in the page itself: the app has no cross-origin frames to reach into, and the default
      // mode opens a blank page per check to merge frame results.
      .setLegacyMode(true)
      // Only the app's own document: its one frame is the outbox's sandboxed e-mail preview, which runs no
      // script by design, so injecting axe there is refused (a console error) and checks the e-mail, not the app.
      .options({ iframes: false })
      .analyze();
    const screen = new URL(page.url()).pathname;
    for (const violation of results.violations) {
      // One entry per rule and screen, naming the first few elements (a table of 25 rows with the same
      // badge is one problem, not 25).
      const key = `${violation.id} ${screen}`;
      const entry = found.get(key) ?? {
        heading: `${violation.id} (${violation.impact ?? 'unknown'}) on ${screen}: ${violation.help}`,
        targets: new Map<string, string>(),
      };
      for (const node of violation.nodes) {
        // The element's own markup: Mantine's generated ids and classes alone do not say what it is.
        const html = node.html.replace(/\s+/g, ' ').slice(0, 160);
        const summary = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '';
        entry.targets.set(node.target.join(' '), `${html}\n      ${summary}`);
      }
      found.set(key, entry);
    }
  }

  async function check(force: boolean) {
    // One check at a time: a test's actions are sequential, but the final check may meet one in flight.
    while (running) await running;
    const work = (async () => {
      // A screen still loading (a route's code or data on its way, shown as a spinner or nothing yet) is not
      // the screen: wait until it has its level-one heading and no loading spinner, then check what it is.
      // A screen that never gets there is checked after 5 s as it stands, so its problems are still found.
      await page
        .waitForFunction(
          () =>
            document.querySelector('h1') !== null &&
            !Array.from(document.querySelectorAll('[role="status"] .mantine-Loader-root')).some(
              (el) => (el as HTMLElement).offsetParent !== null,
            ),
          undefined,
          { timeout: 5_000, polling: 100 },
        )
        .catch(() => undefined);
      let key: string;
      try {
        key = await page.evaluate(screenKey);
      } catch {
        return; // The page is navigating or closed: the next action checks what comes next.
      }
      if (!force && checked.has(key)) return;
      checked.add(key);
      try {
        await analyze();
      } catch (error) {
        // A navigation in the middle of a check destroys its context; the new screen is checked next.
        if (!/context was destroyed|Target .*closed|navigat/i.test(String(error))) throw error;
      }
    })();
    running = work;
    try {
      await work;
    } finally {
      running = undefined;
    }
  }

  function watchLocator(locator: Locator): Locator {
    return new Proxy(locator, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const name = String(prop);
        if (ACTIONS.has(name)) {
          return async (...args: unknown[]) => {
            // The element exists before the screen is checked, so a check does not catch the screen
            // still loading; if it never comes, the action itself fails with its own message.
            await target.waitFor({ state: 'attached' }).catch(() => undefined);
            await check(false);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (name === 'waitFor') {
          return async (...args: unknown[]) => {
            const result = await (value as (...a: unknown[]) => unknown).apply(target, args);
            await check(false);
            return result;
          };
        }
        return (...args: unknown[]) => wrap((value as (...a: unknown[]) => unknown).apply(target, args));
      },
    });
  }

  function watchKeyboard(keyboard: Keyboard): Keyboard {
    return new Proxy(keyboard, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (!KEYBOARD_ACTIONS.has(String(prop))) return value.bind(target);
        return async (...args: unknown[]) => {
          await check(false);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  /** Locators (including those a locator makes: `.first()`, `.filter()`, …) come back watched. */
  function wrap(value: unknown): unknown {
    if (isLocator(value)) return watchLocator(value);
    return value;
  }

  const watched = new Proxy(page, {
    get(target, prop, receiver) {
      if (prop === 'keyboard') return watchKeyboard(target.keyboard);
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => wrap((value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });

  return {
    page: watched,
    checkNow: async () => {
      // The screen a test ends on may still be loading (a lazily loaded page after the last click): it is
      // checked once its requests have settled, not in its loading placeholder.
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      await check(true);
    },
    violations: () =>
      [...found.values()].map(({ heading, targets }) => {
        const shown = [...targets].slice(0, 3).map(([target, summary]) => `\n    at ${target}: ${summary}`);
        const more = targets.size > 3 ? `\n    and ${targets.size - 3} more element(s)` : '';
        return `${heading}${shown.join('')}${more}`;
      }),
  };
}

function isLocator(value: unknown): value is Locator {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Locator).click === 'function' &&
    typeof (value as Locator).evaluateAll === 'function' &&
    typeof (value as Locator).waitFor === 'function'
  );
}
