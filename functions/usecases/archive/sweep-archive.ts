import type { ObjectStore } from '../../archive/object-store';
import type { Store } from '../../store/client';
import { batchGet, keyId } from '../../store/dynamo';
import * as keys from '../../store/keys';
import { DAY_SECONDS } from '../../store/retention';

/**
 * An object younger than this without its marker belongs to a run that has not written the
 * marker yet (the object comes first): it is left alone.
 */
export const UNMARKED_GRACE_DAYS = 7;

/**
 * Erasure of the archive at the end of retention. An archive object lives exactly as long as its
 * marker item (AP 72) in the table: the marker carries the lessons' `expiresAt`, is rewritten with
 * the student's other items when they leave (it is in the student's partition), and is erased by
 * the table's TTL. The monthly run deletes every object whose marker has expired or is gone.
 * (Lifecycle rules cannot follow a retention that changes per student when they leave.)
 */
export async function sweepArchive(deps: {
  store: Store;
  objects: ObjectStore;
  now: () => Date;
}): Promise<number> {
  const now = deps.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let deleted = 0;
  let page: Array<{ key: string; lastModified: Date; of: { studentId: string; schoolYear: string } }> = [];
  const flush = async () => {
    const markers = await batchGet(
      deps.store,
      page.map((o) => keys.lessonArchiveKey(o.of.studentId, o.of.schoolYear)),
    );
    for (const o of page) {
      const k = keys.lessonArchiveKey(o.of.studentId, o.of.schoolYear);
      const marker = markers.get(keyId(k));
      const expired = marker ? Number(marker.expiresAt) <= nowSeconds : stale(o.lastModified, now);
      if (!expired) continue;
      await deps.objects.delete(o.key);
      deleted += 1;
    }
    page = [];
  };
  for await (const o of deps.objects.list(keys.LESSON_OBJECT_PREFIX)) {
    const of = keys.lessonArchiveObjectOf(o.key);
    if (!of) continue;
    page.push({ ...o, of });
    if (page.length >= 100) await flush();
  }
  if (page.length > 0) await flush();
  return deleted;
}

const stale = (lastModified: Date, now: Date): boolean =>
  now.getTime() - lastModified.getTime() > UNMARKED_GRACE_DAYS * DAY_SECONDS * 1000;
