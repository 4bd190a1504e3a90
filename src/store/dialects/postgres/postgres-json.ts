import { sql, type Expression, type RawBuilder } from 'kysely';
import type { JsonSql, JsonValueSql } from '../dialect.js';

/** JSON on PostgreSQL and PGlite: jsonb columns; each key of a path is a bind parameter. */
export const postgresJson: JsonSql = {
  at(document, path) {
    return value(sql`(${document} #> ${keys(path)})`);
  },
  elements(document, path, alias) {
    const array = sql`(${document} #> ${keys(path)})`;
    // jsonb_array_elements fails on anything but an array, and AND does not guard it.
    return {
      from: sql`jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end) as ${sql.id(alias)}(value)`,
      element: value(sql.ref(`${alias}.value`)),
    };
  },
  isDecimalText: (text) => sql`(${text} ~ '^-?[0-9]+(\\.[0-9]+)?$')`,
  textToNumber: (text) => sql`cast(${text} as double precision)`,
  textContains: (haystack, needle) => sql`(strpos(${haystack}, ${needle}) > 0)`,
};

function value(json: Expression<unknown>): JsonValueSql {
  const text = sql<string | null>`(${json} #>> '{}')`;
  return {
    type: sql<string | null>`(case jsonb_typeof(${json}) when 'boolean' then ${text} else jsonb_typeof(${json}) end)`,
    text,
    number: sql<number | null>`cast(${text} as double precision)`,
  };
}

function keys(path: readonly string[]): RawBuilder<string[]> {
  return sql`array[${sql.join(path.map((key) => sql`cast(${key} as text)`))}]::text[]`;
}
