import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export type EntityType = "place" | "group" | "person" | "org";

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  watched: boolean;
  alert: boolean;
}

const ON_CONFLICT = {
  update: `do update set type = excluded.type, name = excluded.name, country = excluded.country,
    latitude = excluded.latitude, longitude = excluded.longitude, watched = excluded.watched,
    alert = excluded.alert`,
  keep: "do nothing",
} as const;

async function insertEntities(
  db: Sql,
  entities: readonly Entity[],
  known: keyof typeof ON_CONFLICT,
): Promise<void> {
  if (entities.length === 0) return;
  await db.query(
    `insert into entities (id, type, name, country, latitude, longitude, watched, alert)
     select * from jsonb_to_recordset($1::jsonb) as x(id text, type text, name text,
       country text, latitude double precision, longitude double precision, watched boolean,
       alert boolean)
     on conflict (id) ${ON_CONFLICT[known]}`,
    [asJson(entities)],
  );
}

/** Writes the gazetteer's entities; run at start so mentions can refer to them. */
export async function upsertEntities(db: Sql, entities: readonly Entity[]): Promise<void> {
  if (entities.length === 0) return;
  await insertEntities(db, entities, "update");
  // An item dropped from the watchlist keeps its past mentions but is no longer watched.
  await db.query(
    `update entities set watched = false, alert = false
     where watched and id not in (select jsonb_array_elements_text($1::jsonb))`,
    [asJson(entities.filter((e) => e.watched).map((e) => e.id))],
  );
}

/** Countries by ISO code, as the digest names them. */
export async function countryEntities(db: Sql): Promise<Entity[]> {
  return db.query<Entity>(
    "select id, type, name, country, latitude, longitude, watched, alert from entities where id like 'country:%'",
  );
}

/** Adds entities not yet known (ones the model named); a known id is left as it is. */
export const insertEntitiesIfMissing = (db: Sql, entities: readonly Entity[]) =>
  insertEntities(db, entities, "keep");
