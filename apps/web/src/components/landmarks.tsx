import { createContext, type ReactNode, useContext } from 'react';

const InsideMain = createContext(false);

/** Marks what the app shell's `<main>` holds, so that a page shown there does not open a second one. */
export function InsideMainLandmark({ children }: { children: ReactNode }) {
  return <InsideMain.Provider value>{children}</InsideMain.Provider>;
}

/**
 * The element a page that can appear either way renders as: `main` when it stands alone (an unknown address,
 * an error before the shell), a plain `div` inside the shell's main. Every page needs one main landmark,
 * and only one.
 */
export function useMainElement(): 'main' | 'div' {
  return useContext(InsideMain) ? 'div' : 'main';
}
