// The five source articles the scenarios quote. They are not in this repository: they sit beside it in
// ../shared/sources/ (CI clones the repository there), or wherever SOURCES_DIR points. Without them the checks that
// read an article's words are skipped with one line saying how to enable them; with CI=true they are required.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const SOURCES = process.env.SOURCES_DIR ? resolve(process.env.SOURCES_DIR) : resolve(ROOT, '..', 'shared', 'sources');

/** Whether the articles are here to check quotes against. Throws in CI when they are not. */
export const sourcesPresent = existsSync(SOURCES);
if (!sourcesPresent) {
  if (process.env.CI) throw new Error(`The source articles are not in ${SOURCES}: CI checks every quote against them (set SOURCES_DIR).`);
  console.warn(`Quotes not checked against the articles: no ${SOURCES}. Put the five articles there (or set SOURCES_DIR=<folder>) to run those checks; CI requires them.`);
}

/** Whitespace collapsed, curly quotes and dashes made straight, so a quote matches however it was typed. */
export const normaliseQuote = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const articles = new Map<string, string | undefined>();
/** An article's text, normalised (undefined when there is no such file). */
export function articleText(file: string): string | undefined {
  if (!articles.has(file)) {
    const path = join(SOURCES, file);
    articles.set(file, existsSync(path) ? normaliseQuote(readFileSync(path, 'utf8')) : undefined);
  }
  return articles.get(file);
}
