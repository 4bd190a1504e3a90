import { parentPort, workerData } from 'node:worker_threads';
import { predictLifetimeValues, valuesUnderFit } from '../../core/clv/predict-lifetime-values.js';
import { TouchpointError } from '../../core/errors.js';
import type { ThreadAnswer, ThreadRequest } from './lifetime-value-off-thread.js';

/** Fits the lifetime-value models, or scores customers under a fit, in a worker thread; posts one answer. */
const request = workerData as ThreadRequest;
let answer: ThreadAnswer;
try {
  answer = { ok: true, result: 'fit' in request ? valuesUnderFit(request.fit, request.purchases) : await predictLifetimeValues(request.purchases, request.settings) };
} catch (error) {
  answer = error instanceof TouchpointError ? { ok: false, code: error.code, message: error.message, issues: error.issues } : { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer);
