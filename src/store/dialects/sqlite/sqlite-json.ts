import { sql, type Expression, type RawBuilder } from 'kysely';
import type { JsonSql, JsonValueSql } from '../dialect.js';

/**
 * JSON on SQLite: documents are text read by the JSON1 functions. A path is a bind
 * parameter like `$."address"."city"`; each key is quoted so that any character but `"`
 * can appear in it.
 */
export const sqliteJson: JsonSql = {
  at(document, path) {
    const p = jsonPath(path);
    return value(sql`json_type(${document}, ${p})`, sql`json_extract(${document}, ${p})`);
  },
  elements(document, path, alias) {
    const id = sql.id(alias);
    // json_each walks an object's members or yields a scalar itself, so keep arrays only.
    return {
      from: sql`json_each(case when json_type(${document}, ${jsonPath(path)}) = 'array' then ${document} else '[]' end, ${jsonPath(path)}) as ${id}`,
      element: value(sql`${id}.type`, sql`${id}.value`),
    };
  },
  // SQLite has no regular expressions without an extension; GLOB states the same form.
  isDecimalText(text) {
    const digits = sql`(case when substr(${text}, 1, 1) = '-' then substr(${text}, 2) else ${text} end)`;
    return sql`(${digits} glob '[0-9]*' and ${digits} glob '*[0-9]' and ${digits} not glob '*[^0-9.]*' and ${digits} not glob '*.*.*')`;
  },
  textToNumber: (text) => sql`cast(${text} as real)`,
  textContains: (haystack, needle) => sql`(instr(${haystack}, ${needle}) > 0)`,
};

function value(jsonType: RawBuilder<unknown>, extracted: Expression<unknown>): JsonValueSql {
  return {
    type: sql<string | null>`(case ${jsonType} when 'integer' then 'number' when 'real' then 'number' when 'text' then 'string' else ${jsonType} end)`,
    text: sql<string | null>`${extracted}`,
    number: sql<number | null>`${extracted}`,
  };
}

function jsonPath(path: readonly string[]): RawBuilder<string> {
  return sql.val(`$${path.map((key) => `."${key}"`).join('')}`);
}
