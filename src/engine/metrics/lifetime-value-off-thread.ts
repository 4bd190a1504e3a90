import type { CustomerValue } from '../../core/clv/lifetime-value.js';
import type { Purchase } from '../../core/clv/purchase-summary.js';
import type { LifetimeValueFit, LifetimeValuePrediction, LifetimeValueSettings } from '../../core/clv/predict-lifetime-values.js';
import { TouchpointError, type ErrorCode, type FieldIssue } from '../../core/errors.js';
import { siblingModule, startModuleThread } from '../../platform/module-thread.js';

/** What the thread is asked: fit and predict, or only score every customer under a fit. */
export type ThreadRequest = { purchases: readonly Purchase[]; settings: LifetimeValueSettings } | { purchases: readonly Purchase[]; fit: LifetimeValueFit };
export type ThreadAnswer = { ok: true; result: LifetimeValuePrediction | CustomerValue[] } | { ok: false; code?: ErrorCode; message: string; issues?: FieldIssue[] };

const THREAD_MODULE = siblingModule('lifetime-value-thread', import.meta.url);

/**
 * `predictLifetimeValues` in a worker thread of its own. Fitting runs thousands of likelihood
 * evaluations over every customer, and a prediction a hypergeometric function per customer
 * and week: on the event loop that would stall the API and ingestion for as long. The thread
 * also keeps the optimiser's WebAssembly runtime, which installs process-wide error handlers,
 * out of the main thread.
 */
export function predictOffThread(purchases: readonly Purchase[], settings: LifetimeValueSettings): Promise<LifetimeValuePrediction> {
  return ask({ purchases, settings }) as Promise<LifetimeValuePrediction>;
}

/** `valuesUnderFit` in a worker thread: every customer's figures under a stored fit. */
export function scoreOffThread(purchases: readonly Purchase[], fit: LifetimeValueFit): Promise<CustomerValue[]> {
  return ask({ purchases, fit }) as Promise<CustomerValue[]>;
}

function ask(request: ThreadRequest): Promise<LifetimeValuePrediction | CustomerValue[]> {
  const thread = startModuleThread(THREAD_MODULE, request);
  return new Promise<LifetimeValuePrediction | CustomerValue[]>((resolve, reject) => {
    thread.once('message', (answer: ThreadAnswer) => {
      if (answer.ok) resolve(answer.result);
      else reject(answer.code ? new TouchpointError(answer.code, answer.message, answer.issues) : new Error(answer.message));
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the lifetime-value thread stopped (exit code ${code}) before answering`)));
  }).finally(() => void thread.terminate());
}
