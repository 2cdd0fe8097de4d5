import { pino, type Logger } from 'pino';
import { logOptions } from '../../shared/log-options';

/** The hub's structured log: JSON lines on stdout (RAPPORT_LOG_LEVEL), for the platform's log shipper. */
export function hubLogger(destination?: NodeJS.WritableStream, level = process.env.RAPPORT_LOG_LEVEL ?? 'info'): Logger {
  return destination ? pino(logOptions('hub', level), destination) : pino(logOptions('hub', level));
}
