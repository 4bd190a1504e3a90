/**
 * How traits combine when a later identify or group call sends more: a shallow merge, as
 * Segment's destinations do. A `null` value removes the trait.
 */
export function mergeTraits(current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}
