/**
 * What a record needs to be created: its `expiresAt` (DynamoDB TTL, epoch seconds), from
 * `studentItemExpiry` (functions/store/retention.ts). It travels with the record through every
 * read-modify-write, and `rewriteStudentExpiry` replaces it when the student leaves.
 */
export type Expiring<T> = T & { expiresAt: number };
