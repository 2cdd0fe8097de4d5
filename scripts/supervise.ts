import { spawn, type ChildProcess } from 'node:child_process';

export interface ProgramSpec {
  name: string;
  /** The command and its arguments. */
  command: string[];
  env: NodeJS.ProcessEnv;
  /** A line on stdout that says the program is ready. */
  ready: RegExp;
  /** Start it again when it dies (the desktop); otherwise `onFatal` (the hub: everything depends on it). */
  restart: boolean;
  onFatal?(code: number | null): void;
  /** Where its output goes (the terminal, or a test's buffer). */
  write?(text: string): void;
}

export interface Supervised {
  /** Resolves the first time the program says it is ready; rejects if it dies before that. */
  ready: Promise<void>;
  readonly restarts: number;
  readonly child: ChildProcess;
  stop(): void;
}

const CALM_MS = 60_000;

/**
 * Runs one of `npm start`'s programs. A desktop that dies (a crash, a kill) comes back after a
 * short, growing pause, and the hub keeps running: the advisor loses a window, not the hub.
 */
export function supervise(spec: ProgramSpec): Supervised {
  const write = spec.write ?? ((text: string) => process.stdout.write(text));
  let stopped = false;
  let restarts = 0;
  let quickFailures = 0;
  let child!: ChildProcess;
  let firstReady!: () => void;
  let firstFailed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    firstReady = resolve;
    firstFailed = reject;
  });
  let everReady = false;

  const launch = () => {
    const startedAt = Date.now();
    child = spawn(spec.command[0]!, spec.command.slice(1), { env: spec.env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      write(text);
      if (!everReady && spec.ready.test(text)) {
        everReady = true;
        firstReady();
      }
    });
    child.on('exit', (code, signal) => {
      if (stopped) return;
      const how = signal ? `signal ${signal}` : `exit ${code}`;
      if (!spec.restart || !everReady) {
        firstFailed(new Error(`${spec.name} stopped (${how})`));
        spec.onFatal?.(code);
        return;
      }
      quickFailures = Date.now() - startedAt > CALM_MS ? 0 : quickFailures + 1;
      const pause = Math.min(30_000, 500 * 2 ** Math.min(quickFailures, 6));
      restarts++;
      write(`[start] ${spec.name} stopped (${how}); starting it again in ${(pause / 1000).toFixed(1)} s.\n`);
      setTimeout(() => stopped || launch(), pause);
    });
  };
  launch();
  return {
    ready,
    get restarts() {
      return restarts;
    },
    get child() {
      return child;
    },
    stop() {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
