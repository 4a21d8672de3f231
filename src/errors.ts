import { GraphQLError } from 'graphql';

/** A client sent something the API cannot use; the message names the argument and the problem. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, {
      extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
    });
  }
}

/** The database could not be reached or refused the work; details go to the server log only. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor() {
    super('The catalog database is unavailable; try again shortly.', {
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  }
}

/** Configuration read from the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
