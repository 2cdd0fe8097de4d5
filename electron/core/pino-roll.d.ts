declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  export default function pinoRoll(options: {
    file: string;
    size?: string | number;
    frequency?: string | number;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count: number };
  }): Promise<DestinationStream & { end(): void }>;
}
