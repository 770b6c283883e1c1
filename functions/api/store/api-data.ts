import type { ObjectStore } from '../../archive/object-store';
import type { Store } from '../../store/client';
import { DEFAULT_RETENTION_YEARS } from '../config';
import type { ApiData } from '../ports';
import { storeReads } from '../queries';
import { adminCommands } from './admin-writes';
import type { ApiWrites } from './writes';

/** The API's view of the store: the reads per page (`../queries`), the writes through the use cases. */
export function storeApiData(
  store: Store,
  writes: ApiWrites,
  /** RETENTION_YEARS, for the audit entries of reads. */
  retentionYears: number = DEFAULT_RETENTION_YEARS,
  /** The lesson archive, for the access export; without it archived years give week totals only. */
  objects?: ObjectStore,
): ApiData {
  return {
    ...writes,
    ...storeReads(store, retentionYears, objects),
    ...adminCommands({ store, retentionYears }),
  };
}
