import type { ReactNode } from 'react';
import { ApiError } from '../api-client';
import { Icon } from './icon';

/** The three moments of every page besides showing data: waiting, nothing there, and failure. */

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <span className="state-icon">
        <Icon name="inbox" size={20} />
      </span>
      <div className="state-title">{title}</div>
      {children && <div className="state-text">{children}</div>}
    </div>
  );
}

export function Failure({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="state state-error" role="alert">
      <span className="state-icon">
        <Icon name="alert" size={20} />
      </span>
      <div className="state-title">{notFound ? 'Not found' : 'Something went wrong'}</div>
      <div className="state-text">{error.message}</div>
      {onRetry && !notFound && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
