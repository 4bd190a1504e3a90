/** The part of nlopt-js (NLopt compiled to WebAssembly) that Touchpoint uses. */
declare module 'nlopt-js' {
  interface OptimizeResult {
    x: number[];
    value: number;
    success: boolean;
  }
  class Optimize {
    constructor(algorithm: number, dimensions: number);
    setMinObjective(objective: (x: Float64Array | number[], gradient: Float64Array | number[] | null) => number, tolerance: number): void;
    setMaxeval(evaluations: number): void;
    optimize(start: number[]): OptimizeResult;
  }
  const nlopt: {
    ready: Promise<void>;
    Optimize: typeof Optimize;
    Algorithm: Record<string, number>;
    GC: { flush(): void };
  };
  export default nlopt;
}
