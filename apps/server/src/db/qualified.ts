import { getTableName, sql, type Column, type SQL } from 'drizzle-orm';

/**
 * A column by its table-qualified name ("courses"."id"), for a correlated subquery's reference to the
 * outer row. Drizzle writes the columns of a single-table select bare ("id"), and inside a subquery a
 * bare name is the subquery's own table's column whenever that table has one of the name: the outer
 * row would silently drop out of the comparison. An aliased outer table is named by its alias.
 */
export const qualified = (column: Column): SQL =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
