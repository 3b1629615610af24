// The teacher's page: create a session, then watch and steer every table. The private link (#CODE:TOKEN) is
// the teacher's key: reopening it reconnects. The controls only send requests; the server applies them.
import { sideName, textOf, type Move, type Scenario, type Side } from '../../engine';
import { colourSlot, describeMove, PHASE_NAME } from '../../ui/labels';
import { el, button } from '../../ui/dom/el';
import type { LogEntry, TableSummary, TeacherUpdate, TeacherWelcome } from '../protocol';
import { api, connect, currentOrigin, normalCode, type Link } from './connection';
import { announce, clock, linkBanner, redraw } from './page';
import { renderOutcomeTable } from './outcomes';
import { renderClassDebrief } from './class-debrief';

const app = document.getElementById('app')!;
const banner = document.getElementById('link-status')!;

let link: Link | null = null;
let welcome: TeacherWelcome | null = null;
let update: TeacherUpdate | null = null;
let receivedAt = 0;
let lan: string[] = [];
let notice = '';
let fatal = '';
let ended = false;
/** The student whose "Remove…" asks to be confirmed (kept across the live redraws). */
let removing: string | null = null;

const credentials = (): { code: string; token: string } | null => {
  const m = /^#([A-Za-z0-9]{6}):([A-Za-z0-9_-]{8,})$/.exec(location.hash);
  return m ? { code: normalCode(m[1]), token: m[2] } : null;
};

// ------------------------------------------------------------------ creating a session

interface ScenarioChoice {
  id: string;
  title: string;
  year: number;
  turns: number;
  /** Its class length in turns (null: none). */
  classTurns: number | null;
}

async function showSetup(): Promise<void> {
  document.title = 'New class session — Reset';
  let choices: ScenarioChoice[] = [];
  let loadError = '';
  let passwordRequired = false;
  try {
    choices = await api<ScenarioChoice[]>('/api/scenarios');
    passwordRequired = (await api<{ passwordRequired?: boolean }>('/api/info')).passwordRequired === true;
  } catch (e) {
    loadError = `Could not reach the class server: ${(e as Error).message}`;
  }
  let upload: { name: string; text: string } | null = null;
  const problems = el('div', { id: 'setup-problems' });
  const select = el('select', { id: 'scenario', 'data-focus': 'scenario' }, ...choices.map((c) => el('option', { value: c.id, selected: c.id === 'reset-2009' }, `${c.title} (${c.year})`)));
  const uploadNote = el('p', { class: 'detail', role: 'status' });
  const file = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml,.json' });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    upload = f ? { name: f.name, text: await f.text() } : null;
    uploadNote.textContent = upload ? `The session will use ${upload.name} instead of the list above.` : '';
    showLength();
  });
  const tables = el('input', { type: 'number', id: 'tables', min: 1, max: 200, value: 2, inputmode: 'numeric' });
  const minutes = el('input', { type: 'number', id: 'timer', min: 0, max: 60, step: 0.5, value: 5, inputmode: 'decimal' });
  const computer = el('input', { type: 'checkbox', id: 'computer', checked: true });
  const vary = el('input', { type: 'checkbox', id: 'vary-briefs', 'aria-describedby': 'vary-briefs-note' });
  const short = el('input', { type: 'checkbox', id: 'class-length', 'aria-describedby': 'class-length-note' });
  const shortNote = el('p', { class: 'detail', id: 'class-length-note' });
  // The class length is offered for a built-in scenario that has one (an uploaded file's is checked when the session is made).
  const showLength = () => {
    const c = choices.find((x) => x.id === select.value);
    short.disabled = !upload && !c?.classTurns;
    if (short.disabled) short.checked = false;
    shortNote.textContent = upload
      ? 'The uploaded file must have a class length (classLength) for this.'
      : c?.classTurns
        ? `${c.classTurns} turns instead of ${c.turns}, with a short summary: one game and its debrief in a 50-minute lesson (docs/teacher-guide.md has a lesson plan).`
        : 'This scenario has no class length.';
  };
  select.addEventListener('change', showLength);
  showLength();
  const password = el('input', { type: 'password', id: 'teacher-password', autocomplete: 'current-password', required: passwordRequired });
  const decision = (value: string, label: string, checked: boolean) => el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'decision', value, checked }), ` ${label}`);
  const create = async (e: Event) => {
    e.preventDefault();
    const body = {
      ...(upload ? { scenarioText: upload.text } : { scenario: select.value }),
      tables: Math.round(Number(tables.value)),
      timerSeconds: Math.round(Number(minutes.value) * 60),
      fillWithComputer: computer.checked,
      varyBriefs: vary.checked,
      length: short.checked ? 'class' : 'full',
      decision: app.querySelector<HTMLInputElement>('input[name=decision]:checked')?.value ?? 'lead',
      ...(passwordRequired ? { password: password.value } : {}),
    };
    problems.replaceChildren();
    try {
      const made = await api<{ code: string; token: string }>('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      location.hash = `${made.code}:${made.token}`;
    } catch (err) {
      problems.replaceChildren(el('div', { role: 'alert', class: 'problems' }, el('h3', {}, upload ? `${upload.name} cannot be used` : 'The session could not be created'), el('p', {}, (err as Error).message)));
    }
  };
  redraw(app, [
    el(
      'form',
      { class: 'setup', onsubmit: create, 'aria-labelledby': 'setup-h' },
      el('h1', { id: 'setup-h' }, 'Start a class session'),
      el('p', {}, 'Students join from their own laptops with a code; each table is two teams, one for each side of the scenario, all on the same scenario.'),
      loadError ? el('p', { role: 'alert', class: 'refused' }, loadError) : null,
      el('label', { for: 'scenario', class: 'block' }, 'Scenario'),
      select,
      el('label', { for: 'scenario-file', class: 'block' }, 'Or upload a scenario file (YAML or JSON)'),
      file,
      uploadNote,
      el('label', { for: 'tables', class: 'block' }, 'Number of tables (two teams each)'),
      tables,
      el('label', { for: 'timer', class: 'block' }, 'Turn timer in minutes (0 for none; when it runs out the computer moves for the team)'),
      minutes,
      el('div', { class: 'row' }, el('label', { for: 'computer' }, computer, ' Fill empty seats with the computer (a team with no students is played by the computer)')),
      el('div', { class: 'row' }, el('label', { for: 'vary-briefs' }, vary, ' Vary the briefs: each table gets its own hidden priorities and red lines')),
      el('div', { class: 'row' }, el('label', { for: 'class-length' }, short, ' Class length: a short game for one lesson')),
      shortNote,
      el('p', { class: 'detail', id: 'vary-briefs-note' }, 'Within the limits the scenario declares, so a student who has read the scenario file still does not know the other team’s brief. The class debrief shows how each table’s briefs were varied.'),
      el('fieldset', {}, el('legend', {}, 'How a team decides'), decision('lead', 'The team lead submits the team’s moves', true), decision('vote', 'The team votes: a move is made when most of the team says yes', false)),
      passwordRequired ? el('label', { for: 'teacher-password', class: 'block' }, 'Teacher password (the one this server was started with)') : null,
      passwordRequired ? password : null,
      problems,
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary' }, 'Create the session')),
    ),
  ]);
}

// ------------------------------------------------------------------ the live session

function join(code: string, token: string): void {
  app.replaceChildren(el('h1', {}, `Session ${code}`), el('p', { role: 'status' }, 'Connecting…'));
  void api<{ lan: string[] }>('/api/info').then(
    (r) => {
      lan = r.lan;
      if (welcome && lan.length) buildSession();
    },
    () => undefined,
  );
  link = connect(code, {
    auth: () => ({ token }),
    message: receive,
    state: (s, detail) => {
      linkBanner(banner, s, detail, 'every table keeps its game');
      if (s === 'refused') {
        fatal = detail ?? 'The server refused this teacher link.';
        link = null;
        // The page itself says why, once.
        linkBanner(banner, 'online');
        render();
      }
      if (s === 'reconnecting') announce('Connection to the class server lost. Reconnecting…');
      if (s === 'online' && welcome) announce('Reconnected.');
    },
  });
}

function receive(type: string, payload: unknown): void {
  if (type === 'teacherWelcome') {
    const first = !welcome;
    welcome = payload as TeacherWelcome;
    document.title = `Session ${welcome.code} — Reset classroom`;
    if (first) buildSession();
  } else if (type === 'teacher') {
    const before = update;
    update = payload as TeacherUpdate;
    receivedAt = Date.now();
    announceChanges(before, update);
    if (welcome) renderLive();
  } else if (type === 'refused') {
    notice = (payload as { reason: string }).reason;
    announce(`Refused: ${notice}`);
    showNotice();
  }
}

function announceChanges(before: TeacherUpdate | null, after: TeacherUpdate): void {
  if (!before || !welcome) return;
  const parts: string[] = [];
  const names = (t: TableSummary) => Object.keys(t.seats).flatMap((s) => t.seats[s].map((x) => x.name));
  for (const t of after.tables) {
    const b = before.tables[t.table];
    if (!b) continue;
    for (const n of names(t)) if (!names(b).includes(n)) parts.push(`${n} joined table ${t.table + 1}.`);
    if (b.paused !== t.paused) parts.push(`Table ${t.table + 1} ${t.paused ? 'paused' : 'resumed'}.`);
    if (!b.outcome?.ended && t.outcome?.ended) parts.push(`Table ${t.table + 1} has finished its game.`);
  }
  if (!before.ended && after.ended) parts.push('The session has ended.');
  if (parts.length) announce(parts.join(' '));
}

// Regions that stay (forms keep what the teacher is typing) and regions redrawn on every update.
const regions = {
  head: el('section', { 'aria-labelledby': 'code-h', class: 'session-head' }),
  controls: el('section', { 'aria-labelledby': 'controls-h' }),
  tables: el('div', { class: 'tables' }),
  forms: el('section', { 'aria-labelledby': 'steer-h' }),
  students: el('div', {}),
  debrief: el('div', {}),
  notice: el('div', { id: 'teacher-notice' }),
};
const studentSelect = el('select', { id: 'assign-student' });

function render(): void {
  if (fatal) {
    redraw(app, [el('h1', {}, 'This teacher link does not open a session'), el('p', { role: 'alert', class: 'refused' }, fatal), el('p', {}, el('a', { href: location.pathname, class: 'button' }, 'Start a new session'))]);
    return;
  }
  if (welcome) buildSession();
}

function buildSession(): void {
  const w = welcome!;
  const sc = w.scenario;
  const { code } = credentials()!;
  const token = credentials()!.token;
  // The process this page is on now: after a failover the links name a live one.
  const origin = currentOrigin();
  const studentBase = lan.length && /^(127\.|localhost)/.test(location.hostname) ? `${location.protocol}//${lan[0]}:${location.port}` : origin;
  const studentUrl = `${studentBase}/classroom/student.html#${code}`;
  const log = (fmt: string) => `${origin}/api/sessions/${code}/log.${fmt}?token=${encodeURIComponent(token)}`;
  regions.head.replaceChildren(
    el('div', {}, el('h1', { id: 'code-h' }, 'Join code'), el('p', { class: 'join-code', 'aria-label': `Join code ${code.split('').join(' ')}` }, code)),
    el(
      'div',
      {},
      el('p', {}, el('strong', {}, textOf(sc.title)), ` (${sc.year}) · ${w.settings.tables} table${w.settings.tables === 1 ? '' : 's'} · ${w.settings.timerSeconds ? `${clock(w.settings.timerSeconds * 1000)} a turn` : 'no turn timer'} · ${w.settings.decision === 'lead' ? 'team leads submit' : 'teams vote'} · ${w.settings.fillWithComputer ? 'computer fills empty seats' : 'no computer players'}${w.settings.varyBriefs ? ' · briefs varied per table' : ''}${w.settings.classLength ? ` · class length (${sc.turns} turns)` : ''}`),
      // As large as the class needs to copy it from the back of the room: the code alone does not get them to the page.
      el('p', {}, 'Students open', el('br', {}), el('a', { href: studentUrl, id: 'student-link', class: 'student-address' }, studentUrl), el('br', {}), 'and type the code and their name.'),
      !lan.length && /^(127\.|localhost)/.test(location.hostname) ? el('p', { class: 'detail' }, 'This server listens on this computer only: restart it with HOST=0.0.0.0 so students’ laptops can reach it.') : null,
      // Folded: this page is on the projector, and whoever copies the link can run the session.
      el('details', { class: 'private-link' }, el('summary', {}, 'Your private teacher link (not for the projector)'), el('p', {}, 'Keep it to yourself: reopening it brings this page back, and anyone who has it can run your session. ', el('a', { href: location.href, id: 'teacher-link' }, location.href))),
      el('p', {}, 'Download the complete log for grading: ', el('a', { href: log('json'), download: `reset-${code}-log.json`, class: 'button' }, 'Log as JSON'), ' ', el('a', { href: log('csv'), download: `reset-${code}-log.csv`, class: 'button' }, 'Log as CSV')),
    ),
  );
  const endConfirm = el('span', { hidden: true }, 'End the session for every table? ', button('Yes, end the session', () => send('end', {}), { class: 'danger' }), button('Cancel', () => ((endConfirm.hidden = true), endButton.focus())));
  const endButton = button('End the session…', () => ((endConfirm.hidden = false), endConfirm.querySelector('button')!.focus()), { class: 'danger' });
  regions.controls.replaceChildren(
    el('h2', { id: 'controls-h' }, 'All tables'),
    el('div', { class: 'row controls' }, el('div', {}, button('Pause all tables', () => send('pause', {})), button('Resume all tables', () => send('resume', {})), button('One more minute for all tables', () => send('extend', { seconds: 60 }))), el('div', {}, endButton, endConfirm)),
  );
  regions.forms.replaceChildren(el('h2', { id: 'steer-h' }, 'Steer the tables'), regions.notice, el('div', { class: 'forms' }, injectForm(sc), messageForm(sc), assignForm(sc)));
  const tables = el('section', { 'aria-labelledby': 'tables-h' }, el('h2', { id: 'tables-h' }, 'Tables'), regions.tables);
  const students = el('section', { 'aria-labelledby': 'students-h' }, el('h2', { id: 'students-h' }, 'Students'), regions.students);
  // Once the session has ended the controls go and the class debrief comes first, for the projector.
  ended = Boolean(update?.ended);
  if (ended) redraw(app, [regions.head, regions.debrief, tables, students]);
  else redraw(app, [regions.head, regions.controls, tables, regions.forms, students]);
  if (update) renderLive();
}

function tableOptions(all: boolean): HTMLSelectElement {
  const tables = welcome!.settings.tables;
  return el('select', {}, ...(all ? [el('option', { value: '' }, 'All tables')] : []), ...Array.from({ length: tables }, (_, i) => el('option', { value: i }, `Table ${i + 1}`)));
}

function injectForm(sc: Scenario): HTMLElement {
  const target = tableOptions(true);
  target.id = 'inject-table';
  const event = el('select', { id: 'inject-event' }, el('option', { value: '' }, 'A written inject (below)'), ...sc.events.map((e) => el('option', { value: e.id }, textOf(e.title))));
  const title = el('input', { type: 'text', id: 'inject-title', maxlength: 200 });
  const text = el('textarea', { id: 'inject-text', rows: 3, maxlength: 2000 });
  const done = el('p', { class: 'sent', role: 'status' });
  const fire = (e: Event) => {
    e.preventDefault();
    const table = target.value === '' ? undefined : Number(target.value);
    const name = event.value ? event.selectedOptions[0].textContent : title.value.trim();
    let sent = false;
    if (event.value) sent = send('inject', { table, event: event.value });
    else if (title.value.trim() && text.value.trim()) {
      sent = send('inject', { table, written: { title: title.value.trim(), text: text.value.trim() } });
      if (sent) {
        title.value = '';
        text.value = '';
      }
    } else return showNotice('Choose an event from the scenario, or write a title and a text.');
    if (sent) confirmSent(done, `“${name}” fired into ${table === undefined ? 'all tables' : `table ${table + 1}`}`);
  };
  return el(
    'form',
    { onsubmit: fire, 'aria-labelledby': 'inject-h' },
    el(
      'fieldset',
      {},
      el('legend', { id: 'inject-h' }, 'Fire a crisis inject'),
      el('label', { for: 'inject-table' }, 'Into'),
      target,
      el('label', { for: 'inject-event' }, 'Event from the scenario'),
      event,
      el('label', { for: 'inject-title' }, 'Or a written inject: title'),
      title,
      el('label', { for: 'inject-text' }, 'Written inject: what happened'),
      text,
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary' }, 'Fire the inject')),
      done,
    ),
  );
}

function messageForm(sc: Scenario): HTMLElement {
  const table = tableOptions(false);
  table.id = 'message-table';
  const side = el('select', { id: 'message-side' }, ...sc.seats.map((s) => el('option', { value: s }, sideName(sc, s))));
  const text = el('textarea', { id: 'message-text', rows: 3, maxlength: 1000 });
  const done = el('p', { class: 'sent', role: 'status' });
  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.value.trim()) return showNotice('Write the message first.');
    if (!send('message', { table: Number(table.value), side: side.value, text: text.value.trim() })) return;
    confirmSent(done, `Message sent to ${sideName(sc, side.value as Side)} at table ${Number(table.value) + 1}`);
    text.value = '';
  };
  return el(
    'form',
    { onsubmit: submit, 'aria-labelledby': 'message-h' },
    el('fieldset', {}, el('legend', { id: 'message-h' }, 'Message a team'), el('label', { for: 'message-table' }, 'To table'), table, el('label', { for: 'message-side' }, 'To team'), side, el('label', { for: 'message-text' }, 'Message'), text, el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Send the message')), done),
  );
}

function assignForm(sc: Scenario): HTMLElement {
  const table = tableOptions(false);
  table.id = 'assign-table';
  const side = el('select', { id: 'assign-side' }, ...sc.seats.map((s) => el('option', { value: s }, sideName(sc, s))));
  const submit = (e: Event) => {
    e.preventDefault();
    if (!studentSelect.value) return showNotice('No student to seat yet.');
    send('assign', { seat: studentSelect.value, table: Number(table.value), side: side.value });
  };
  return el(
    'form',
    { onsubmit: submit, 'aria-labelledby': 'assign-h' },
    el(
      'fieldset',
      {},
      el('legend', { id: 'assign-h' }, 'Seat a student'),
      el('p', { class: 'detail' }, 'Students are seated as they join, filling tables evenly; move anyone here.'),
      el('label', { for: 'assign-student' }, 'Student'),
      studentSelect,
      el('label', { for: 'assign-table' }, 'At table'),
      table,
      el('label', { for: 'assign-side' }, 'On team'),
      side,
      el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Seat the student')),
    ),
  );
}

function send(type: string, payload: Record<string, unknown>): boolean {
  notice = '';
  showNotice();
  if (link?.send(type, Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined)))) return true;
  showNotice('Not connected: nothing was sent. The page reconnects by itself.');
  return false;
}

/** Say under the form, where the teacher is looking, that it went (with the time, so a second send reads as new). */
function confirmSent(where: HTMLElement, what: string): void {
  const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  where.textContent = `✓ ${what} at ${at}.`;
}

function showNotice(text = notice): void {
  notice = text;
  regions.notice.replaceChildren(...(text ? [el('p', { role: 'alert', class: 'refused' }, text)] : []));
}

// ------------------------------------------------------------------ live regions

function timerText(t: TableSummary): string {
  if (update?.ended) return 'Session ended';
  if (t.timerLeft === null) return t.paused ? 'Paused' : '';
  // The server holds the timer of a table nobody sits at yet (see ClassroomRoom.tick).
  if (Object.values(t.seats).every((team) => !team.length)) return `${clock(t.timerLeft)} a turn, from the first student`;
  const left = t.paused ? t.timerLeft : t.timerLeft - (Date.now() - receivedAt);
  return `${t.paused ? 'Paused, ' : ''}${clock(left)} left`;
}

setInterval(() => {
  if (!update) return;
  for (const t of update.tables) {
    const node = document.getElementById(`timer-${t.table}`);
    if (node) node.textContent = timerText(t);
  }
}, 1000);

function renderLive(): void {
  const u = update!;
  const sc = welcome!.scenario;
  redraw(regions.tables, [...u.tables.map((t) => tableCard(sc, t))]);
  // The student list in the seating form: keep the choice while names come and go.
  const chosen = studentSelect.value;
  const students = [
    ...u.unseated.map((s) => ({ seat: s.seat, label: `${s.name} (not seated)` })),
    ...u.tables.flatMap((t) => Object.keys(t.seats).flatMap((side) => t.seats[side].map((s) => ({ seat: s.seat, label: `${s.name} (table ${t.table + 1}, ${sideName(sc, side)})` })))),
  ];
  studentSelect.replaceChildren(...students.map((s) => el('option', { value: s.seat, selected: s.seat === chosen }, s.label)));
  const online = new Map([...u.unseated.map((s) => [s.seat, s.online] as const), ...u.tables.flatMap((t) => Object.keys(t.seats).flatMap((side) => t.seats[side].map((s) => [s.seat, s.online] as const)))]);
  const name = (s: { label: string }) => s.label.replace(/ \((not seated|table .*)\)$/, '');
  redraw(regions.students, [
    u.unseated.length ? el('p', { role: 'status' }, `Not seated yet: ${u.unseated.map((s) => s.name).join(', ')}. Seat them above.`) : null,
    students.length
      ? el(
          'ul',
          { class: 'students' },
          ...students.map((s) =>
            el(
              'li',
              {},
              `${s.label}${online.get(s.seat) ? '' : ' — away'} `,
              // Two steps, as for ending the session: a removed student's page closes and their seat key opens nothing.
              removing === s.seat
                ? el(
                    'span',
                    { class: 'confirm' },
                    `Remove ${name(s)} from the session? `,
                    button(`Yes, remove ${name(s)}`, () => ((removing = null), send('remove', { seat: s.seat })), { class: 'danger', 'data-focus': `remove-yes-${s.seat}` }),
                    ' ',
                    button('Cancel', () => ((removing = null), renderLive()), { 'data-focus': `remove-no-${s.seat}` }),
                  )
                : button(`Remove ${name(s)}…`, () => {
                    removing = s.seat;
                    renderLive();
                    regions.students.querySelector<HTMLElement>(`[data-focus="remove-yes-${CSS.escape(s.seat)}"]`)?.focus();
                  }, { class: 'danger', 'data-focus': `remove-${s.seat}` }),
            ),
          ),
        )
      : el('p', {}, 'No student has joined yet.'),
    u.refused ? el('p', { class: 'detail', id: 'refused-summary' }, `Messages refused by the server so far: ${u.refused} (${u.refusedBy.reasons.map((r) => `${r.count} ${r.reason}`).join(', ')}).${u.refusedBy.students.length ? ` Most from: ${u.refusedBy.students.slice(0, 3).map((x) => `${x.name} (${x.count})`).join(', ')}.` : ''}`) : null,
  ]);
  if (u.ended) {
    renderDebrief(u);
    if (!ended) {
      buildSession();
      regions.debrief.querySelector<HTMLElement>('h2')?.focus();
    }
  }
}

function entryText(sc: Scenario, e: LogEntry): string {
  if (e.kind !== 'move' && e.kind !== 'inject') return '';
  if (e.kind === 'inject') {
    const inject = e.inject;
    return `Teacher’s inject: ${inject.kind === 'event' ? textOf(sc.events.find((x) => x.id === inject.event)?.title) || inject.event : inject.title}`;
  }
  return `${e.by}: ${describeMove(sc, e.move as Move)}`;
}

function tableCard(sc: Scenario, t: TableSummary): HTMLElement {
  const n = t.table + 1;
  const waiting = t.pending.map((s) => sideName(sc, s)).join(' and ');
  const seats = (side: Side) => {
    const people = t.seats[side];
    if (!people.length) return t.computer.includes(side) ? 'the computer' : 'nobody yet';
    const names = people.map((p) => `${p.name}${p.lead && people.length > 1 ? ' (lead)' : ''}${p.online ? '' : ' (away)'}`).join(', ');
    if (t.givenToComputer.includes(side)) return `the computer, for ${names}`;
    return t.awayToComputer.includes(side) ? `${names} — all away: the computer moves for them` : names;
  };
  // Give a team to the computer (a team that is stuck, or a student who must leave) and take it back.
  const computerButton = (side: Side) =>
    t.givenToComputer.includes(side)
      ? button(`Take ${sideName(sc, side)} back from the computer, table ${n}`, () => send('computer', { table: t.table, side, computer: false }), { class: 'primary', 'data-focus': `computer-${n}-${side}` })
      : button(`Give ${sideName(sc, side)} to the computer, table ${n}`, () => send('computer', { table: t.table, side, computer: true }), { 'data-focus': `computer-${n}-${side}` });
  const m = t.meters;
  const row = (label: string, meter: Record<Side, number>) => el('tr', {}, el('th', { scope: 'row' }, label), ...sc.seats.map((s) => el('td', { class: 'num' }, String(meter[s]))));
  const coloured = (side: Side) => `seat-${colourSlot(sc, side)}`;
  const allies = Object.entries(m.allies).map(([id, v]) => `${textOf(sc.thirdParties.find((x) => x.id === id)?.name) || id} ${v}`);
  return el(
    'section',
    { class: 'table-card', 'aria-labelledby': `table-${n}-h`, 'data-paused': String(t.paused) },
    el('h3', { id: `table-${n}-h` }, `Table ${n}`),
    el('p', {}, `Turn ${t.turn} of ${sc.turns} · ${PHASE_NAME[t.phase]}${waiting && !t.outcome?.ended && !update?.ended ? ` · waiting for ${waiting}` : ''}`),
    el('p', { id: `timer-${t.table}`, class: t.paused ? 'paused' : 'timer' }, timerText(t)),
    el('p', {}, ...sc.seats.flatMap((side, i) => [i ? el('br', {}) : '', el('span', { class: coloured(side) }, `${sideName(sc, side)}: `), seats(side)])),
    el(
      'table',
      { class: 'grid' },
      el('caption', {}, `Meters at table ${n}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Meter'), ...sc.seats.map((side) => el('th', { scope: 'col', class: coloured(side) }, sideName(sc, side))))),
      el('tbody', {}, row('Trust in the other', m.trust), row('Support at home', m.support), row('Hawks', m.hawks)),
    ),
    el('p', {}, el('strong', {}, `Escalation risk ${m.escalation}`), allies.length ? ` · Allies: ${allies.join(', ')}` : ''),
    el('p', { class: 'detail' }, sc.tracks.map((tr) => `${textOf(tr.name)}: ${textOf(tr.stages.find((s) => s.id === t.stages[tr.id])?.name) || t.stages[tr.id]}`).join(' · '), ` · ${t.agreements} agreement${t.agreements === 1 ? '' : 's'}`),
    t.recent.length ? el('ol', { class: 'detail', 'aria-label': `Latest at table ${n}` }, ...t.recent.map((e) => el('li', {}, entryText(sc, e)))) : null,
    // Once the session has ended there is nothing to pause or extend.
    update?.ended
      ? null
      : el(
          'div',
          { class: 'row' },
          // One focus key for both states: the keyboard stays on the button as it turns from Pause to Resume.
          t.paused ? button(`Resume table ${n}`, () => send('resume', { table: t.table }), { class: 'primary', 'data-focus': `pause-${n}` }) : button(`Pause table ${n}`, () => send('pause', { table: t.table }), { 'data-focus': `pause-${n}` }),
          button(`One more minute, table ${n}`, () => send('extend', { table: t.table, seconds: 60 })),
          ...sc.seats.map(computerButton),
        ),
  );
}

function renderDebrief(u: TeacherUpdate): void {
  const sc = welcome!.scenario;
  // The chart against the frontier and history first (for the projector), then where each table stood.
  const chart = el('div', { id: 'class-debrief' });
  if (u.debrief) renderClassDebrief(chart, u.debrief);
  else chart.append(el('p', {}, 'The deal chart is being prepared; the table below shows where each table stood.'));
  const host = el('div', { id: 'class-outcomes' });
  renderOutcomeTable(host, sc, u);
  redraw(regions.debrief, [el('section', { 'aria-labelledby': 'debrief-h' }, el('h2', { id: 'debrief-h', tabindex: -1 }, 'Class debrief'), chart, host)]);
}

// ------------------------------------------------------------------ start

function route(): void {
  const c = credentials();
  if (c) {
    fatal = '';
    join(c.code, c.token);
  } else void showSetup();
}
addEventListener('hashchange', () => {
  if (link) void link.close();
  link = null;
  welcome = null;
  update = null;
  route();
});
route();
