/**
 * Compact JSON for cached extractions
 * ===================================
 *
 * A 10 000-article corpus caches a few hundred megabytes of plain JSON,
 * mostly object keys repeated in every mention and claim. `packValue`
 * rewrites a JSON value so that every array of objects becomes a table —
 * the key lists once, then one row of values per object — and `unpackValue`
 * restores the same value, key order included. The codec knows nothing of
 * the extraction's fields, so new fields added by the extract stage are
 * cached without a change here.
 *
 *   array of plain objects → { "#": [[k1, k2], [k1, k3]], "r": [[0, v1, v2], [1, v1, v3]] }
 *   object holding the key "#" → { "#o": object }   (so it is never read as a table)
 *
 * Only JSON values are supported (undefined properties are dropped, as
 * JSON.stringify drops them).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TABLE = '#';
const ROWS = 'r';
const ESCAPED = '#o';

/** Sets an own property, even one named __proto__ (which plain assignment would take as the prototype). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The packed form of a JSON value (see the banner). */
export function packValue(value: unknown): Json {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isPlainObject)) {
      const shapes: string[][] = [];
      const shapeIndex = new Map<string, number>();
      const rows = value.map((object) => {
        const keys = Object.keys(object).filter((k) => object[k] !== undefined);
        const signature = keys.join('\u0000');
        let index = shapeIndex.get(signature);
        if (index === undefined) {
          index = shapes.length;
          shapes.push(keys);
          shapeIndex.set(signature, index);
        }
        const row: Json[] = [index];
        for (const key of keys) row.push(packValue(object[key]));
        return row;
      });
      return { [TABLE]: shapes, [ROWS]: rows };
    }
    return value.map(packValue);
  }
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) setOwn(out, key, packValue(item));
    return TABLE in out || ESCAPED in out ? { [ESCAPED]: out } : out;
  }
  return value as Json;
}

/** Restores what packValue packed. */
export function unpackValue(value: Json): unknown {
  if (Array.isArray(value)) return value.map(unpackValue);
  if (isPlainObject(value)) {
    const record = value as Record<string, Json>;
    if (TABLE in record) {
      const shapes = record[TABLE] as string[][];
      return (record[ROWS] as Json[][]).map((row) => {
        const keys = shapes[row[0] as number];
        const object: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) setOwn(object, keys[i], unpackValue(row[i + 1]));
        return object;
      });
    }
    const source = ESCAPED in record ? (record[ESCAPED] as Record<string, Json>) : record;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) setOwn(out, key, unpackValue(source[key]));
    return out;
  }
  return value;
}
