/**
 * Which of a template's locales a contact reads. From the contact's locale, most specific
 * first (`nb-NO` → `nb`), then the template's default, then `en`, then the template's first
 * locale, so every contact gets some content.
 *
 * Contacts' locales come from outside (Segment's `context.locale`, a browser, an import), so
 * they are read leniently: `nb_NO`, `nb-no` and `nb_NO.UTF-8` are all `nb-NO`. Template
 * locales are matched without regard to case.
 */

/**
 * Languages that readers of one accept in place of the other. Norwegian has the macrolanguage
 * code `no` besides Bokmål's `nb`; systems use either for the same written language. (Nynorsk,
 * `nn`, is a different written standard and is not folded in.)
 */
const SAME_LANGUAGE: Readonly<Record<string, string>> = { no: 'nb', nb: 'no' };

/** The template locales to use for a contact, best first, each once. */
export function localeChain(contactLocale: string | null | undefined, template: { locales: Record<string, unknown>; defaultLocale?: string | undefined }): string[] {
  const available = Object.keys(template.locales);
  const byLowerCase = new Map(available.map((key) => [key.toLowerCase(), key] as const));
  const wanted = [...contactCandidates(contactLocale), template.defaultLocale?.toLowerCase(), 'en', available[0]?.toLowerCase()];
  const chain: string[] = [];
  for (const candidate of wanted) {
    const key = candidate === undefined ? undefined : byLowerCase.get(candidate);
    if (key !== undefined && !chain.includes(key)) chain.push(key);
  }
  return chain;
}

/** The one template locale to render for a contact. */
export function chooseLocale(contactLocale: string | null | undefined, template: { locales: Record<string, unknown>; defaultLocale?: string | undefined }): string {
  const [first] = localeChain(contactLocale, template);
  if (first === undefined) throw new Error('a message template has at least one locale'); // the schema guarantees it
  return first;
}

/** `nb-NO` → `nb-no`, `nb`, `no`: the tag, then without its last subtag, down to the language. */
function contactCandidates(locale: string | null | undefined): string[] {
  if (!locale) return [];
  const tag = locale.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  const subtags = tag.split('-').filter(Boolean);
  const candidates: string[] = [];
  for (let length = subtags.length; length > 0; length--) candidates.push(subtags.slice(0, length).join('-'));
  const language = subtags[0];
  const sameLanguage = language === undefined ? undefined : SAME_LANGUAGE[language];
  if (sameLanguage !== undefined) candidates.push(sameLanguage);
  return candidates;
}
