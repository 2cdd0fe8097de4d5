import type { LoggerOptions } from 'pino';
import { redactCardData } from './redaction';

/** Every string in a log record, however deep, with card numbers and security codes masked. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactCardData(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: redactCardData(value.message), stack: value.stack ? redactCardData(value.stack) : undefined };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactForLog(v, depth + 1);
  return out;
}

/**
 * The pino settings the hub and the desktop share: JSON lines with an ISO time, the component
 * named, tokens and passwords never written, and no card number ever logged (PCI DSS), whether it
 * arrives in the message or in a field.
 */
export function logOptions(component: string, level = 'info'): LoggerOptions {
  return {
    level,
    base: { component },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: { paths: ['password', 'token', '*.password', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret'], censor: '[redacted]' },
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => redactForLog(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactCardData(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
