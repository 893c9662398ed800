import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a control loaded on first use (the user menu, the notifications popover): its button replaces the
 * stand-in that was pressed, so the press is passed on once it is there — focus moves to it and it is
 * clicked, as if it had been there all along. Once, also under StrictMode's second run of effects, which
 * would close it again.
 */
export function usePressOnMount(target: RefObject<HTMLButtonElement | null>) {
  const pressed = useRef(false);
  useEffect(() => {
    if (pressed.current) return;
    pressed.current = true;
    target.current?.focus();
    target.current?.click();
  }, [target]);
}
