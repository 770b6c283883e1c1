/**
 * Where archived lessons live: S3 in AWS (`s3-object-store.ts`), files under DATA_DIR or a map
 * in tests locally (`local-object-store.ts`). The archive use cases see only this port; the
 * adapters stay thin, so what is tested locally is what runs in AWS.
 */
export interface ObjectStore {
  put(key: string, body: Uint8Array): Promise<void>;
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  /** Every object under `prefix`: its key and when it was last written. */
  list(prefix: string): AsyncIterable<ListedObject>;
}

export interface ListedObject {
  key: string;
  lastModified: Date;
}
