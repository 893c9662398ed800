import { Table, type TableThProps, VisuallyHidden } from '@mantine/core';

/**
 * A column header with no visible text (a column of buttons or check boxes) that screen readers still
 * announce: an empty `<th>` reads as nothing, and an `aria-label` on it is not read as the column's name
 * by every reader.
 */
export function UnseenHeader({ children, ...props }: TableThProps & { children: string }) {
  return (
    <Table.Th {...props}>
      <VisuallyHidden>{children}</VisuallyHidden>
    </Table.Th>
  );
}
