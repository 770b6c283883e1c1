/**
 * A handler's dependencies, built on its first invocation and kept for the life of the
 * execution environment. Building may be asynchronous (a secret, a signing key). A failed build
 * is not cached: a cold start that failed must not poison every later invocation.
 */
export function loadOnce<T>(load: () => T | Promise<T>): () => Promise<T> {
  let ready: Promise<T> | undefined;
  return () => {
    if (!ready) {
      const attempt = Promise.resolve().then(load);
      ready = attempt;
      attempt.catch(() => {
        if (ready === attempt) ready = undefined;
      });
    }
    return ready;
  };
}
