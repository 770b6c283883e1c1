/** The import's pure core: kinds and fields, the mapping, a row into a contract event or refusals. */
export { type Detected, detectMapping } from './detect';
export * from './fields';
export * from './mapping';
export * from './refusals';
export * from './row';
export { mappingSchema } from './schema';
