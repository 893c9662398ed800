import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Mailer } from './mail';
import type { SecretBox } from './secrets';

/** What route plugins are given: passed explicitly, no container. */
export interface Deps {
  db: Db;
  mailer: Mailer;
  config: Config;
  /** Seals and opens secrets stored in the database (tokens, client secrets, MFA seeds). */
  secrets: SecretBox;
}
