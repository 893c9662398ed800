/** Mantine's close button has no text: name it, so screen readers announce more than "button". */
export const closeButtonProps = { 'aria-label': 'Close dialog' };
