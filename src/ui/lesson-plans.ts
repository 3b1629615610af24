// The printable lesson plans (lessons.html): the "Lesson plans" section of docs/teacher-guide.md, the one place they
// are written, shown as a page with print CSS: one plan a page, each with the shared timings. The guide's markdown
// is read by a small renderer that knows what the section uses: headings, paragraphs, lists, tables, quotations.
import guide from '../../docs/teacher-guide.md?raw';

const SECTION = '## Lesson plans';

/** The section of the guide from its heading to the next second-level heading. */
export function lessonSection(markdown: string): string {
  const start = markdown.indexOf(SECTION);
  if (start < 0) throw new Error(`docs/teacher-guide.md has no "${SECTION}" section`);
  const rest = markdown.slice(start + SECTION.length);
  const end = rest.search(/\n## /);
  return markdown.slice(start, start + SECTION.length + (end < 0 ? rest.length : end));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markdown: `code`, **bold**, [text](url), bare http links. */
function inline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/(^|\s)(https?:\/\/[^\s<]+[^\s<.,;:)])/g, '$1<a href="$2">$2</a>');
}

/** Markdown blocks to HTML: headings (##, ###), paragraphs, - and 1. lists (a list item's indented quotation stays in it), tables, > quotations. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let i = 0;
  const quote = (block: string[]) => {
    const text = block.map((l) => l.replace(/^\s*>\s?/, ''));
    const source = text.findIndex((l) => l.startsWith('— '));
    const body = (source < 0 ? text : text.slice(0, source)).join(' ');
    return `<blockquote><p>${inline(body)}</p>${source < 0 ? '' : `<footer>${inline(text.slice(source).join(' '))}</footer>`}</blockquote>`;
  };
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const h = /^(#{2,4}) (.*)$/.exec(line);
    if (h) {
      const level = h[1].length;
      out.push(`<h${level - 1}>${inline(h[2])}</h${level - 1}>`);
      i++;
    } else if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i])) rows.push(lines[i++].replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
      const [head, , ...body] = rows;
      out.push(`<table><thead><tr>${head.map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c, j) => (j === 0 ? `<th scope="row">${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (/^>/.test(line)) {
      const block: string[] = [];
      while (i < lines.length && /^>/.test(lines[i])) block.push(lines[i++]);
      out.push(quote(block));
    } else if (/^(- |\d+\. )/.test(line)) {
      const ordered = /^\d+\. /.test(line);
      const items: string[] = [];
      while (i < lines.length && (/^(- |\d+\. )/.test(lines[i]) || /^\s+\S/.test(lines[i]) || (!lines[i].trim() && /^(\s+\S|- |\d+\. )/.test(lines[i + 1] ?? '')))) {
        const l = lines[i];
        if (/^(- |\d+\. )/.test(l)) items.push(`<p>${inline(l.replace(/^(- |\d+\. )/, ''))}</p>`);
        else if (/^\s+>/.test(l)) {
          const block: string[] = [];
          while (i < lines.length && /^\s+>/.test(lines[i])) block.push(lines[i++]);
          items[items.length - 1] += quote(block);
          continue;
        } else if (l.trim()) items[items.length - 1] = items[items.length - 1].replace(/<\/p>$/, ` ${inline(l.trim())}</p>`);
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((x) => `<li>${x}</li>`).join('')}</${tag}>`);
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() && !/^(#|\||>|- |\d+\. )/.test(lines[i])) para.push(lines[i++].trim());
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

/** The page: the introduction, then each plan as an article of its own with the timings table. */
export function mountLessonPlans(root: HTMLElement, markdown: string = guide): void {
  const section = lessonSection(markdown);
  const [intro, ...plans] = section.split(/\n(?=### )/);
  const timings = /\n(\|[^\n]*\n)+/.exec(intro)?.[0] ?? '';
  root.innerHTML =
    `<div class="intro">${renderMarkdown(intro)}</div>` +
    plans.map((p) => {
      const [heading, ...body] = p.split('\n');
      const text = body.join('\n');
      // The shared timings go into each plan, before its questions, so each printed page is a whole plan.
      const withTimings = text.replace('**Discussion questions.**', `**Timings (50 minutes).**\n${timings}\n**Discussion questions.**`);
      return `<article class="plan">${renderMarkdown(`${heading}\n${withTimings}`)}</article>`;
    }).join('\n');
}
