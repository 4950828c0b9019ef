import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// PostgreSQL catalog types the adapter cannot deserialize during migrations (Prisma issue 27403):
// name, char, regproc, pg_node_tree, aclitem, regclass. Reading them as text is lossless here.
const CATALOG_TYPE_IDS = new Set([19, 18, 24, 194, 1033, 2205]);
const TEXT_TYPE_ID = 25;

type Result = { fields?: { dataTypeID: number }[] } | undefined;

function retypeCatalogColumns(result: Result | Result[]): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_TYPE_IDS.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE_ID;
    }
  }
}

class CatalogSafeClient extends pg.Client {
  // pg.Client#query has many overloads; both the promise and the callback form are wrapped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const callbackIndex = args.findIndex((a) => typeof a === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (err: Error | null, res: Result) => {
        if (!err) retypeCatalogColumns(res);
        callback(err, res);
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") {
      return out.then((res: Result) => {
        retypeCatalogColumns(res);
        return res;
      });
    }
    return out;
  }
}

/** A plain pool config: adapter-pg copies it for the shadow database (a connectionString would
 * point the "shadow" at the main database, and pg-pool hides the password from a spread). */
function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogSafeClient,
    allowExitOnIdle: true,
    max: 4,
  } as pg.PoolConfig;
}

export function migrationAdapter(url: string): PrismaPg {
  if (!url) throw new Error("DATABASE_URL is not set");
  const config = poolConfig(url);
  const adapter = new PrismaPg(config);
  // adapter-pg drops the shadow database before closing its pool, which PostgreSQL refuses while
  // connections are open: close the pool first, then drop (ENVIRONMENT.md trap 4).
  adapter.connectToShadowDb = async () => {
    const admin = new pg.Client({ ...config, Client: undefined } as pg.ClientConfig);
    const database = `drawdesk_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = new PrismaPg({ ...config, database });
    const inner = await shadow.connect();
    const dispose = inner.dispose.bind(inner);
    inner.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ ...config, Client: undefined } as pg.ClientConfig);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return inner;
  };
  return adapter;
}
