/** The largest value a PostgreSQL `integer` column holds: a DTO bounds each integer it stores in one with `@Max`. */
export const MAX_INTEGER_COLUMN = 2_147_483_647;
