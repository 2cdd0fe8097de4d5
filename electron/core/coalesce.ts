/**
 * Concurrent triggers of one task collapse into the run under way plus, if any came during it, one
 * more (what they asked for may have arrived after that run read its page). Every caller gets the
 * last run's result.
 */
export class Coalesced<T> {
  private running: Promise<T> | null = null;
  private again = false;

  constructor(
    private readonly task: () => Promise<T>,
    /** Called when a run (with its one more) has finished, either way. */
    private readonly settled: () => void = () => undefined,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  run(): Promise<T> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let result: T;
        do {
          this.again = false;
          result = await this.task();
        } while (this.again);
        return result;
      } finally {
        this.running = null;
        this.settled();
      }
    })();
    return this.running;
  }
}
