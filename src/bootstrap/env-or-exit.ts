import { ConfigError, EnvironmentVariables, validateEnv } from '../config/env.validation';

/** Validates the environment before anything starts; a bad value stops the process with one clear line. */
export function envOrExit(): EnvironmentVariables {
  try {
    return validateEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
