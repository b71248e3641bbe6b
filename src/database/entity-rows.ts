import { getMetadataArgsStorage } from 'typeorm';

type EntityClass<T> = new () => T;

interface RowShape {
  cols: { col: string; prop: string; date: boolean }[];
  booleans: string[];
  /** Select lists already built, by alias and prefix. */
  lists: Map<string, string>;
}

/** By entity class: its decorators' columns. */
const shapes = new WeakMap<object, RowShape>();

function shapeOf(entity: EntityClass<unknown>): RowShape {
  let shape = shapes.get(entity);
  if (shape) return shape;
  const args = getMetadataArgsStorage();
  if (args.filterEmbeddeds(entity).length || args.filterRelations(entity).length)
    throw new Error(`${entity.name}: embedded or relation columns; read it through TypeORM`);
  const columns = args.filterColumns(entity);
  if (columns.length === 0) throw new Error(`${entity.name} is not an entity`);
  const transformed = columns.find((c) => c.options.transformer);
  if (transformed)
    throw new Error(`${entity.name}.${transformed.propertyName} has a transformer; read it through TypeORM`);
  // The default naming strategy (typeorm-options.ts sets none): the column's name, else the property's.
  const cols = columns.map((c) => ({
    col: c.options.name ?? c.propertyName,
    prop: c.propertyName,
    date: c.options.type === 'date',
  }));
  shape = {
    cols,
    booleans: columns
      .filter((c) => c.options.type === 'boolean' || c.options.type === Boolean)
      .map((c) => c.propertyName),
    lists: new Map(),
  };
  shapes.set(entity, shape);
  return shape;
}

/**
 * An entity's columns as a plain select list (`alias.col AS "<prefix>property"`), for hot reads that skip the
 * query builder and TypeORM's hydration (their query building and result transformation were a tenth of the
 * API's CPU per rating): the pg driver already parses timestamps, JSON, booleans and integers as TypeORM would,
 * and dates are formatted in SQL as TypeORM formats them ('YYYY-MM-DD'). Only for plain entities (no
 * transformer, embedded or relation column).
 */
export function entityColumnsSql(entity: EntityClass<unknown>, alias: string, prefix = ''): string {
  const shape = shapeOf(entity);
  const key = `${alias}\u0000${prefix}`;
  let list = shape.lists.get(key);
  if (list === undefined) {
    list = shape.cols
      .map(({ col, prop, date }) =>
        date ? `to_char(${alias}.${col}, 'YYYY-MM-DD') AS "${prefix}${prop}"` : `${alias}.${col} AS "${prefix}${prop}"`,
      )
      .join(', ');
    shape.lists.set(key, list);
  }
  return list;
}

/** The entity read by `entityColumnsSql` with the same prefix (the row's other fields are left out). */
export function entityFromRow<T>(entity: EntityClass<T>, row: Record<string, unknown>, prefix = ''): T {
  const shape = shapeOf(entity);
  const e = new entity() as Record<string, unknown>;
  for (const { prop } of shape.cols) e[prop] = row[prefix + prop];
  for (const p of shape.booleans) if (e[p] !== null) e[p] = Boolean(e[p]);
  return e as T;
}
