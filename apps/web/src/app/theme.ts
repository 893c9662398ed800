import { createTheme } from '@mantine/core';

// System fonts only: the server's CSP allows no external font hosts, and none are needed.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
});
