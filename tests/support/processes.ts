import { spawn, type ChildProcess } from 'node:child_process';

export interface Running {
  proc: ChildProcess;
  url: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one of Rapport's own programs and resolves with the address it prints once ready. */
export function spawnProgram(script: string, env: Record<string, string>, ready: RegExp): Promise<Running> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m && !started) {
        started = true;
        clearTimeout(timer);
        resolve({
          proc,
          url: m[1]!,
          output: () => out,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill(signal);
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${script} exited with ${code}:\n${out}`));
    });
  });
}

export const spawnHub = (env: Record<string, string>) => spawnProgram('server/main.ts', env, /listening on (https?:\/\/[\d.:]+)/);

export const spawnDesktop = (env: Record<string, string>) =>
  spawnProgram('electron/web-host/main.ts', env, /browser mode\) is at (http:\/\/\S+)/);
