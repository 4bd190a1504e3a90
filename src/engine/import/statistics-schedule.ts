import type { Store } from '../../store/store.js';

/**
 * When a bulk load refreshes the planner's statistics: after chunks 1, 2, 4, 8, ... and once
 * at the end. Each refresh finds the table at least twice the size of the last one, so the
 * planner keeps choosing index lookups while the cost of refreshing stays a small share of
 * the load (the number of refreshes grows with the logarithm of its size).
 */
export class StatisticsSchedule {
  private chunks = 0;
  private next = 1;

  constructor(private readonly store: Store) {}

  /** Call after each chunk is written. */
  async afterChunk(): Promise<void> {
    this.chunks++;
    if (this.chunks < this.next) return;
    this.next *= 2;
    await this.store.refreshStatistics();
  }

  /** Call once the load is done, when it wrote anything. */
  async atEnd(): Promise<void> {
    if (this.chunks > 0) await this.store.refreshStatistics();
  }
}
