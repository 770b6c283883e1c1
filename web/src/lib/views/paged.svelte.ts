/** A list read page by page with an opaque cursor ("meer laden"). */
export class PagedList<T> {
  items = $state<T[]>([]);
  next = $state<string | null>(null);
  loading = $state(false);
  error = $state<unknown>(undefined);
  hasMore = $derived(this.next !== null);

  constructor(
    private readonly fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  ) {}

  async first(): Promise<void> {
    this.items = [];
    this.next = null;
    await this.load(null);
  }

  async more(): Promise<void> {
    if (this.next !== null) await this.load(this.next);
  }

  private async load(cursor: string | null) {
    this.loading = true;
    try {
      const page = await this.fetchPage(cursor);
      this.items = cursor === null ? page.items : [...this.items, ...page.items];
      this.next = page.nextCursor;
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }
}
