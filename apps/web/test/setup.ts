import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks what Mantine asks the browser for (media queries, element resizes, scrolling into view, fonts).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoResize as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView = () => {};
// The autosizing textarea listens for web fonts finishing loading.
Object.defineProperty(document, 'fonts', { value: new EventTarget() });

afterEach(() => cleanup());
