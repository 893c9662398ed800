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
      defaultColorScheme="light"
    >
      {children}
    </MantineProvider>
  );
}
