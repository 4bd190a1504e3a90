/**
 * Identity resolution: which contact a message belongs to, decided from what is known about
 * the message's `userId` and `anonymousId`. Pure: the caller loads what is known, applies the
 * decision, and records what the decision learned.
 */
export interface KnownIdentities {
  /** Contact of a userId, if known. */
  byUser(userId: string): string | undefined;
  /** Contact of an anonymousId, if known. */
  byAnonymous(anonymousId: string): string | undefined;
  /** Whether a contact already has a userId (an anonymous visitor who logged in has). */
  hasUser(contactId: string): boolean;
}

export type Resolution =
  /** Message belongs to an existing contact; `link` lists identities to attach to it. */
  | { kind: 'existing'; contactId: string; link: Identity[] }
  /** A new contact with these identities. */
  | { kind: 'new'; link: Identity[] }
  /**
   * The anonymous visitor `from` turned out to be the known person `into`: their history joins.
   * Only when `from` has no userId of its own; two known people are never merged implicitly.
   */
  | { kind: 'merge'; from: string; into: string; link: Identity[] };

export interface Identity {
  kind: 'user' | 'anonymous';
  value: string;
}

export function resolveContact(userId: string | null, anonymousId: string | null, known: KnownIdentities): Resolution {
  const byUser = userId ? known.byUser(userId) : undefined;
  const byAnonymous = anonymousId ? known.byAnonymous(anonymousId) : undefined;
  const anonymousLink: Identity[] = anonymousId && !byAnonymous ? [{ kind: 'anonymous', value: anonymousId }] : [];

  if (byUser) {
    if (byAnonymous && byAnonymous !== byUser && !known.hasUser(byAnonymous)) {
      return { kind: 'merge', from: byAnonymous, into: byUser, link: [] };
    }
    return { kind: 'existing', contactId: byUser, link: anonymousLink };
  }
  if (userId) {
    // A visitor who was anonymous until now takes the userId, unless that visitor is already
    // someone else (a shared browser): then the userId is a new person.
    if (byAnonymous && !known.hasUser(byAnonymous)) {
      return { kind: 'existing', contactId: byAnonymous, link: [{ kind: 'user', value: userId }] };
    }
    return { kind: 'new', link: [{ kind: 'user', value: userId }, ...anonymousLink] };
  }
  if (byAnonymous) return { kind: 'existing', contactId: byAnonymous, link: [] };
  return { kind: 'new', link: anonymousLink };
}

/**
 * Segment `alias`: `previousId` (an anonymousId or an earlier userId) and `userId` are the same
 * person. Unlike implicit resolution, an explicit alias merges even two known contacts.
 */
export function resolveAlias(userId: string, previousId: string, known: KnownIdentities): Resolution {
  const target = known.byUser(userId);
  const source = known.byUser(previousId) ?? known.byAnonymous(previousId);
  // previousId may be either kind; recording both lets later messages of either kind find the person.
  const previousLinks: Identity[] = [
    ...(known.byUser(previousId) ? [] : [{ kind: 'user' as const, value: previousId }]),
    ...(known.byAnonymous(previousId) ? [] : [{ kind: 'anonymous' as const, value: previousId }]),
  ];
  if (target && source && target !== source) return { kind: 'merge', from: source, into: target, link: [] };
  if (target) return { kind: 'existing', contactId: target, link: source ? [] : previousLinks };
  if (source) return { kind: 'existing', contactId: source, link: [{ kind: 'user', value: userId }] };
  return { kind: 'new', link: [{ kind: 'user', value: userId }, ...previousLinks] };
}
