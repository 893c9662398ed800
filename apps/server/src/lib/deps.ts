import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Mailer } from './mail';

/** What route plugins are given: passed explicitly, no container. */
export interface Deps {
  db: Db;
  mailer: Mailer;
  config: Config;
}
