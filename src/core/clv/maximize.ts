/**
 * The positive parameters that maximise a log-likelihood: NLopt's Nelder-Mead simplex over
 * their logarithms (so every trial point is positive), from all ones. The models fitted here
 * have smooth likelihoods with one maximum, where the simplex needs no gradient and converges
 * to many more digits than the three the literature publishes.
 *
 * NLopt is loaded on first use: its WebAssembly runtime installs process-wide error handlers,
 * so only a process (or thread) that fits models should load it.
 */
export async function maximizeLikelihood(logLikelihood: (parameters: number[]) => number, dimensions: number): Promise<{ parameters: number[]; logLikelihood: number }> {
  const nlopt = (await import('nlopt-js')).default;
  await nlopt.ready;
  try {
    const optimize = new nlopt.Optimize(nlopt.Algorithm['LN_NELDERMEAD']!, dimensions);
    optimize.setMinObjective((logs) => {
      const value = logLikelihood(Array.from(logs, Math.exp));
      return Number.isFinite(value) ? -value : Number.MAX_VALUE;
    }, 1e-12);
    optimize.setMaxeval(50_000);
    const result = optimize.optimize(new Array<number>(dimensions).fill(0));
    const parameters = Array.from(result.x, Math.exp);
    return { parameters, logLikelihood: logLikelihood(parameters) };
  } finally {
    nlopt.GC.flush();
  }
}
