// The Mantine theme: defaults, one accent colour, compact sizes for a back-office screen.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  headings: { fontWeight: '600' },
});
