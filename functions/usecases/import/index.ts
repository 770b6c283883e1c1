export * from './import-rows';
export { type ImportSession, newImportSession } from './session';
export * from './staff-list';
