import { periodIndex } from './periods.js';

/**
 * Conversion rate (see docs/metrics.md): of the contacts who visited in a period, the share
 * who converted in the same period, × 100. A visit is a page call, or the visit event when
 * one is named; the conversion is a track event (`Signed Up` unless told otherwise). Visitors
 * are contacts, anonymous ones included.
 */
export const DEFAULT_CONVERSION_EVENT = 'Signed Up';

export interface ConversionCount {
  visitors: number;
  conversions: number;
}

/** Conversions / visitors × 100; null without visitors. */
export function conversionRate({ visitors, conversions }: ConversionCount): number | null {
  return visitors === 0 ? null : (100 * conversions) / visitors;
}

/** A stored event as conversion reads it. */
export interface VisitEvent {
  contactId: string;
  type: string;
  name: string | null;
  at: number;
}

export interface ConversionDefinition {
  conversionEvent: string;
  /** A track event that is a visit; page calls when absent. */
  visitEvent?: string;
}

export function isVisit(event: Pick<VisitEvent, 'type' | 'name'>, definition: ConversionDefinition): boolean {
  return definition.visitEvent === undefined ? event.type === 'page' : event.type === 'track' && event.name === definition.visitEvent;
}

/** The reference the store's SQL is checked against: counts per period of the boundaries. */
export function countConversions(events: Iterable<VisitEvent>, definition: ConversionDefinition, boundaries: readonly number[]): ConversionCount[] {
  const periods = boundaries.length - 1;
  const visited = Array.from({ length: periods }, () => new Set<string>());
  const converted = Array.from({ length: periods }, () => new Set<string>());
  for (const event of events) {
    const period = periodIndex(event.at, boundaries);
    if (period < 0) continue;
    if (isVisit(event, definition)) visited[period]!.add(event.contactId);
    if (event.type === 'track' && event.name === definition.conversionEvent) converted[period]!.add(event.contactId);
  }
  return visited.map((visitors, i) => ({ visitors: visitors.size, conversions: [...visitors].filter((c) => converted[i]!.has(c)).length }));
}
