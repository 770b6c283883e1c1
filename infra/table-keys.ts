import { TABLE } from '../functions/store/table-definition';

/**
 * The table's key schema as infra needs it, taken from the code's own table definition
 * (functions/store/table-definition.ts) so the deployed table and the repositories cannot drift.
 */
export const TABLE_KEYS = {
  partitionKey: TABLE.pk,
  sortKey: TABLE.sk,
  ttlAttribute: TABLE.ttl,
  indexes: [
    { name: TABLE.gsi1.name, partitionKey: TABLE.gsi1.pk, sortKey: TABLE.gsi1.sk },
    { name: TABLE.gsi2.name, partitionKey: TABLE.gsi2.pk, sortKey: TABLE.gsi2.sk },
  ],
} as const;
