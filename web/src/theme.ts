import { createTheme, Loader, Notification, TableScrollContainer, type CSSVariablesResolver } from '@mantine/core';

// Colours with AA contrast on white for text, badges and active navigation (axe: color-contrast).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  components: {
    // A notification's close button has only an icon: give it a name (axe: button-name).
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } }),
    // Loaders carry an aria-label ("Memuat …"): a label needs a role (axe: aria-prohibited-attr).
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // A table wider than a phone scrolls inside its container: the keyboard must reach it too
    // (axe: scrollable-region-focusable).
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/**
 * Mantine's "dimmed" grey (descriptions, hints) and its error red (field messages, invalid input text) are below
 * 4.5:1 on white: darker shades.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
