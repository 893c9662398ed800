import { MantineProvider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { brandQueryOptions } from '../../api/brand';
import { brandedTheme, cssVariablesResolver } from '../../app/theme';

/** The theme with the vendor's colour, once the brand is known (the default theme until then). */
export function BrandedMantineProvider({ children }: { children: ReactNode }) {
  const brand = useQuery(brandQueryOptions).data;
  return (
    <MantineProvider
      theme={brandedTheme(brand?.primaryColor)}
      cssVariablesResolver={cssVariablesResolver}
      // Every theme variable is written by the provider's <style>, from the theme the script already holds,
      // instead of only those that differ from Mantine's defaults: the defaults' stylesheet
      // (default-css-variables.css, ~4 KB gzip) then need not be on the first page. main.tsx says so too.
      deduplicateCssVariables={false}
      defaultColorScheme="light"
    >
      {children}
    </MantineProvider>
  );
}
