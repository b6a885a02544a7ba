/**
 * The contract between a desk and the central system (issue 9): zod schemas of every message, the
 * protocol version, the route table, and (generated from them, committed) openapi.json.
 * Pure like the rest of shared/: the desk's sync engine and the server both import it.
 */
export * from './protocol';
export * from './errors';
export * from './cases';
export * from './auth';
export * from './assignment';
export * from './reference';
export * from './monitoring';
export * from './routes';
