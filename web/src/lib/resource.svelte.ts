/**
 * One page's data: loaded when created (pages are re-created per route), reloaded after an
 * action. No `$effect`: the page creates it, and the template reads the state.
 */
export class Resource<T> {
  data = $state<T | undefined>(undefined);
  error = $state<unknown>(undefined);
  loading = $state(false);
  /** Settles when the first load has (the page may wait on it, e.g. to go on after sign-in). */
  readonly ready: Promise<void>;

  constructor(private readonly load: () => Promise<T>) {
    this.ready = this.reload();
  }

  async reload(): Promise<void> {
    this.loading = true;
    try {
      this.data = await this.load();
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }
}
