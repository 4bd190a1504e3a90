/**
 * The arm of a split a subject takes: sticky (the same subject, journey and step always give
 * the same arm, across re-entries and restarts) and in proportion to the weights. The hash is
 * FNV-1a over the three ids, so it needs no randomness and no stored state to stay sticky.
 */
export function splitArm<A extends { id: string; weight: number }>(arms: readonly A[], key: { subjectId: string; journeyId: string; stepId: string }): A {
  let hash = 0x811c9dc5;
  for (const char of `${key.journeyId}\u0000${key.stepId}\u0000${key.subjectId}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
  let point = (hash / 0x1_0000_0000) * total;
  for (const arm of arms) {
    if (point < arm.weight) return arm;
    point -= arm.weight;
  }
  return arms[arms.length - 1]!;
}
