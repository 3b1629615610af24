import type { Cite, Text } from './types';

export type Language = 'en' | 'ru';

/** The text in the asked language, falling back to English. */
export function textOf(text: Text | undefined, lang: Language = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'ru' && text.ru) || text.en;
}

/** "004_f5e98c935a2387e5.txt" style citation list, as shown in the news and the ledger. */
export function citeFiles(cite: readonly Cite[]): string[] {
  return cite.map((c) => c.file);
}

/** The possessive of a name: "Russia's", "the United States'" (a name ending in s takes the apostrophe alone). */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);
