/** The data layer reads its table name where it is used; everything else goes through `configure`/`setting`. */
export { ConfigError, requiredEnv } from './config';
