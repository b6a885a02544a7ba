import type { Database } from '../db/types';
import type { Principal } from '../store/devices';

/** What every handler gets: the database (the only state) and who is calling. */
export interface AppEnv {
  Variables: { principal: Principal; route: string };
}

export interface AppDeps {
  db: Database;
  /** Origins allowed to call from a browser (CORS); '*' for any: the token, not a cookie, authenticates. */
  allowedOrigins: readonly string[] | '*';
}
