import type { ReactNode } from 'react';
import type { BridgeError } from '../../shared/contract/envelope';
import { ErrorState, LoadingState } from './States';

interface LoadableLike<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data?: T;
  error?: BridgeError;
}

interface LoadedProps<T> {
  value: LoadableLike<T>;
  loadingLabel: string;
  errorTitle: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** Loading, error with "Try again", or the data: the same three states on every panel. */
export function Loaded<T>({ value, loadingLabel, errorTitle, onRetry, children }: LoadedProps<T>) {
  if (value.status === 'error' && value.error) {
    return <ErrorState title={errorTitle} error={value.error} onRetry={onRetry} />;
  }
  if (value.data === undefined) return <LoadingState label={loadingLabel} />;
  return <>{children(value.data)}</>;
}
