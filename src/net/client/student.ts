// The student's page: join with the code and a name, then play for one team at one table. The page shows what the
// server sends this team (the engine's view of its seat: whose move, what it may do, what accepting would do, its
// score) and asks the engine only to preview the package being built; the server decides every move.
import { allNews, seatScenario, sideName, textOf, cardTitle, openCards, otherSide, type Move, type OfferView, type Scenario, type Side, type SideView } from '../../engine';
import { colourSlot, describeMove, meterName, signed, PHASE_NAME, agreementName, previewScoreWords, scoreSoFarWords, stageLabel, trackLabel } from '../../ui/labels';
import { el, button, issueChoice } from '../../ui/dom/el';
import { handOf, type HandCard } from '../../ui/draft';
import { TAKEOVER_QUESTION, type ChatMessage, type ProposalMessage, type SlowDown, type TeamMessage, type TeamUpdate, type Welcome } from '../protocol';
import { connect, isJoinCode, normalCode, type Link, type LinkState } from './connection';
import { moveChoices, packageChoice, packageMode, type PackageDraft } from './moves';
import { announce, clock, linkBanner, meterBar, redraw } from './page';

const app = document.getElementById('app')!;
const banner = document.getElementById('link-status')!;

interface Remembered {
  seat: string;
  name: string;
}
/** The seat key is all a student needs to get the same seat back: kept per join code in this browser. */
const seatKey = (code: string) => `reset-classroom-seat:${code}`;
const remembered = (code: string): Remembered | null => {
  try {
    return JSON.parse(localStorage.getItem(seatKey(code)) ?? 'null') as Remembered | null;
  } catch {
    return null;
  }
};

let code = normalCode(location.hash.slice(1));
let link: Link | null = null;
let linkState: LinkState = 'connecting';
let joinError = '';
let welcome: Welcome | null = null;
let scenario: Scenario | null = null;
let update: TeamUpdate | null = null;
let receivedAt = 0;
let refused = '';
let chatDraft = '';
let pendingName = '';
/** The answer to "Are you Sam at table 2?": continue in that seat on this device, or join as someone new. */
let nameChoice: 'takeover' | 'newSeat' | null = null;
/** The resume code typed to continue in one's own seat from another device. */
let resumeCode = '';
let takeover: { question: string; name: string } | null = null;
/** Until when the server asked this page to slow down (it was sending faster than it may). */
let slowUntil = 0;
let removed = '';
const draft: PackageDraft = { give: new Set(), ask: new Set(), format: 'bilateral' };

// ------------------------------------------------------------------ joining

function start(name: string): void {
  pendingName = name;
  history.replaceState(null, '', `#${code}`);
  link = connect(code, {
    auth: () => {
      const r = remembered(code);
      // A seat this server no longer knows falls back to joining by name.
      const choice = nameChoice === 'takeover' ? { takeover: true, resumeCode } : nameChoice ? { [nameChoice]: true } : {};
      return r ? { seat: r.seat, name: r.name, ...choice } : { name: pendingName, ...choice };
    },
    message: receive,
    state: (s, detail) => {
      linkState = s;
      linkBanner(banner, s, detail);
      if (s === 'refused') {
        joinError = detail ?? 'The server refused to let this page in: check the code and your name with your teacher.';
        link = null;
        const asked = !welcome && TAKEOVER_QUESTION.exec(joinError);
        if (asked) {
          takeover = { question: joinError, name: asked[1] };
          joinError = '';
          linkBanner(banner, 'online');
          render();
          document.getElementById('takeover-code')?.focus();
          return;
        }
        if (welcome) announce(joinError);
        else {
          linkBanner(banner, 'online');
          render();
          const field = document.getElementById('join-code') as HTMLInputElement | null;
          field?.focus();
          field?.select();
        }
      }
      if (s === 'reconnecting') announce('Connection lost. Reconnecting…');
      if (s === 'online' && welcome) announce('Reconnected.');
      if (welcome) render();
    },
  });
  render();
}

function receive(type: string, payload: unknown): void {
  if (type === 'welcome') {
    const w = payload as Welcome;
    const moved = welcome && (welcome.side !== w.side || welcome.table !== w.table);
    welcome = w;
    localStorage.setItem(seatKey(code), JSON.stringify({ seat: w.seat, name: w.name } satisfies Remembered));
    scenario = seatScenario(w.scenario, w.side);
    if (moved) {
      update = null;
      announce(`Your teacher moved you to table ${w.table + 1}, ${sideName(scenario, w.side)}.`);
    }
    document.title = `${sideName(scenario, w.side)}, table ${w.table + 1} — Reset classroom`;
    document.body.dataset.colour = String(colourSlot(scenario, w.side));
    render();
  } else if (type === 'table') {
    const u = payload as TeamUpdate;
    if (welcome && u.side !== welcome.side) return;
    announceChanges(update, u);
    if (update && (update.view.turn !== u.view.turn || update.view.phase !== u.view.phase)) clearDraft();
    update = u;
    receivedAt = Date.now();
    render();
  } else if (type === 'chat' && update) {
    const m = payload as ChatMessage;
    if (m.side !== update.side) return;
    update = { ...update, chat: [...update.chat.slice(-49), m.line] };
    if (m.line.from !== welcome?.name) announce(m.line.teacher ? `Message from your teacher: ${m.line.text}` : `${m.line.from} says: ${m.line.text}`);
    render();
  } else if (type === 'team' && update) {
    const m = payload as TeamMessage;
    if (m.side === update.side) update = { ...update, team: m.team };
    render();
  } else if (type === 'proposal' && update && scenario) {
    const m = payload as ProposalMessage;
    if (m.side !== update.side) return;
    if (m.proposal && m.proposal.id !== update.proposal?.id)
      announce(`${m.proposal.by} proposes to the team: ${describeMove(scenario, { ...m.proposal.move, side: update.side } as Move)} Vote yes or no.`);
    update = { ...update, proposal: m.proposal };
    render();
  } else if (type === 'slowDown') {
    const m = payload as SlowDown;
    const first = Date.now() >= slowUntil;
    slowUntil = Date.now() + m.seconds * 1000;
    if (first) announce(`You are sending too fast: wait ${m.seconds} seconds. What you sent meanwhile was not taken.`);
    render();
    setTimeout(render, m.seconds * 1000 + 50);
  } else if (type === 'removed') {
    removed = (payload as { reason: string }).reason;
    announce(removed);
  } else if (type === 'refused') {
    refused = (payload as { reason: string }).reason;
    announce(`Refused: ${refused}`);
    render();
  }
}

function clearDraft(): void {
  draft.give.clear();
  draft.ask.clear();
  draft.format = 'bilateral';
}

// ------------------------------------------------------------------ sending

// Team members are known to each other by name only (a seat key would let one act as another).
const isLead = () => (update ? update.team.some((m) => m.lead && m.name === welcome?.name) : Boolean(welcome?.lead));
const votes = () => welcome?.decision === 'vote' && (update?.team.length ?? 0) > 1;

function sendMove(move: Move): void {
  refused = '';
  const { side: _side, ...intended } = move;
  if (!link?.send('move', { move: intended }, true)) refused = 'Not connected: the move was not sent. Wait for the page to reconnect.';
  if (move.type === 'propose' || move.type === 'counter') clearDraft();
  render();
}

function vote(proposal: number, yes: boolean): void {
  refused = '';
  link?.send('vote', { proposal, yes }, true);
}

function sendChat(): void {
  const text = chatDraft.trim();
  if (!text) return;
  if (link?.send('chat', { text: text.slice(0, 500) }, true)) chatDraft = '';
  render();
}

// ------------------------------------------------------------------ announcing

function announceChanges(before: TeamUpdate | null, after: TeamUpdate): void {
  if (!scenario) return;
  const parts: string[] = [];
  const v = after.view;
  if (!before) {
    parts.push(`You are at table ${after.table + 1} as ${sideName(scenario, after.side)}. Turn ${v.turn}: ${PHASE_NAME[v.phase]}.`);
  } else {
    // New moves, compared turn by turn: a sealed statement appears in its place once the team has spoken, not at the end.
    for (const m of newMoves(before.view, v)) parts.push(describeMove(scenario, m));
    for (const n of allNews(v).slice(allNews(before.view).length)) parts.push(`News: ${n.title}. ${n.text}`);
    if (before.view.turn !== v.turn || before.view.phase !== v.phase) parts.push(`Turn ${v.turn}: ${PHASE_NAME[v.phase]}.`);
    if (!before.paused && after.paused) parts.push('Your teacher paused the table.');
    if (before.paused && !after.paused) parts.push('The table is running again.');
    if (after.proposal && after.proposal.id !== before.proposal?.id)
      parts.push(`${after.proposal.by} proposes to the team: ${describeMove(scenario, { ...after.proposal.move, side: after.side } as Move)} Vote yes or no.`);
    if (!before.ended && after.ended) parts.push('The game is over.');
  }
  if (parts.length) announce(parts.join(' '));
}

function newMoves(before: SideView, after: SideView): Move[] {
  const out: Move[] = [];
  for (const t of after.history) {
    const seen = (before.history.find((b) => b.turn === t.turn)?.moves ?? []).map((m) => JSON.stringify(m));
    for (const m of t.moves) {
      const i = seen.indexOf(JSON.stringify(m));
      if (i >= 0) seen.splice(i, 1);
      else out.push(m);
    }
  }
  return out;
}

// ------------------------------------------------------------------ drawing

function timerLeft(): number | null {
  if (!update || update.timerLeft === null || update.ended) return null;
  return update.paused ? update.timerLeft : update.timerLeft - (Date.now() - receivedAt);
}

function timerText(): string {
  const left = timerLeft();
  if (left === null) return '';
  return `Time left this turn: ${clock(left)}${update!.paused ? ' (paused)' : ''}`;
}

/** The last minute shows as well as being said: the timer turns to a warning colour and says why. */
function showTimer(t: HTMLElement): void {
  const left = timerLeft();
  const late = left !== null && left <= 60_000 && !update!.paused && update!.yourMove;
  t.textContent = timerText() + (late ? ' — then the computer moves for your team' : '');
  t.classList.toggle('timer-low', late);
}

let warnedTurn = '';
setInterval(() => {
  const t = document.getElementById('timer');
  if (t) showTimer(t);
  // One spoken warning a turn, a minute before the computer moves for a team that is late.
  if (update && update.timerLeft !== null && !update.paused && update.yourMove) {
    const left = update.timerLeft - (Date.now() - receivedAt);
    const turn = `${update.view.turn}:${update.view.phase}`;
    if (left <= 60_000 && left > 50_000 && warnedTurn !== turn) {
      warnedTurn = turn;
      announce('One minute left for your team’s move.');
    }
  }
}, 1000);

function joinForm(): HTMLElement {
  const r = code ? remembered(code) : null;
  const codeInput = el('input', { id: 'join-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 8, value: code, class: 'code-input', 'data-focus': 'join-code' });
  const nameInput = el('input', { id: 'join-name', type: 'text', autocomplete: 'nickname', maxlength: 40, value: r?.name ?? pendingName, 'data-focus': 'join-name' });
  const submit = (e: Event) => {
    e.preventDefault();
    const c = normalCode(codeInput.value);
    const name = nameInput.value.trim();
    if (!isJoinCode(c)) joinError = 'A join code has six letters and digits, as your teacher shows it.';
    else if (!name) joinError = 'Type the name your class knows you by.';
    else {
      joinError = '';
      code = c;
      start(name);
      return;
    }
    render();
  };
  return el(
    'form',
    { class: 'join', onsubmit: submit, 'aria-labelledby': 'join-h' },
    el('h1', { id: 'join-h' }, 'Join a class game of Reset'),
    el('p', {}, 'No account needed: type the code your teacher shows and your name. Your teacher places you on a team.'),
    el('label', { for: 'join-code' }, 'Join code'),
    codeInput,
    el('label', { for: 'join-name' }, 'Your name'),
    nameInput,
    joinError ? el('p', { role: 'alert', class: 'refused' }, joinError) : null,
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', 'data-focus': 'join' }, link ? 'Joining…' : 'Join')),
  );
}

/** "Are you Sam at table 2?": the same name as a seat whose page is away. */
function takeoverForm(): HTMLElement {
  const q = takeover!;
  const code = el('input', { id: 'takeover-code', inputmode: 'numeric', autocomplete: 'off', maxlength: 6, 'aria-describedby': 'takeover-code-help' }) as HTMLInputElement;
  const answer = (choice: 'takeover' | 'newSeat') => {
    nameChoice = choice;
    resumeCode = code.value.trim();
    takeover = null;
    start(pendingName);
  };
  return el(
    'section',
    { class: 'join', 'aria-labelledby': 'takeover-h' },
    el('h1', { id: 'takeover-h' }, `Someone called ${q.name} is already in this session`),
    el('p', { role: 'alert' }, q.question),
    el('label', { for: 'takeover-code' }, `${q.name}'s resume code`),
    code,
    el('p', { id: 'takeover-code-help', class: 'detail' }, `Six digits shown on ${q.name}'s own page, under the name.`),
    el(
      'div',
      { class: 'row' },
      button(`Continue as ${q.name}`, () => answer('takeover'), { class: 'primary', id: 'takeover-yes', 'data-focus': 'takeover-yes' }),
      button('I am someone else: join with my own seat', () => answer('newSeat'), { 'data-focus': 'takeover-no' }),
    ),
  );
}

function render(): void {
  if (removed && !welcome) return redraw(app, [el('h1', {}, 'You have left the class session'), el('p', { role: 'alert' }, removed)]);
  if (takeover) return redraw(app, [takeoverForm()]);
  if (!welcome || !scenario) {
    if (link && !joinError) redraw(app, [el('h1', { tabindex: -1 }, 'Joining…'), el('p', { role: 'status' }, 'Finding your seat.')]);
    else redraw(app, [joinForm()]);
    return;
  }
  if (!update) {
    redraw(app, [el('h1', {}, `Table ${welcome.table + 1}: ${sideName(scenario, welcome.side)}`), el('p', { role: 'status' }, 'Waiting for the table…')]);
    return;
  }
  const me = welcome.side;
  const v = update.view;
  const left = el('div', { class: 'col' }, actions(scenario, update, me), onTheTable(scenario, v), latestMoves(scenario, v), news(v));
  const right = el('div', { class: 'col' }, meters(scenario, v), tracks(scenario, update), team(), chat(), hand(scenario, v, me), brief(scenario, me));
  redraw(app, [statusBar(scenario, v), el('div', { class: 'columns' }, left, right)], '#actions-h');
}

function statusBar(sc: Scenario, v: SideView): HTMLElement {
  const u = update!;
  const lead = u.team.find((m) => m.lead);
  const teacherLines = u.chat.filter((c) => c.teacher);
  return el(
    'section',
    { class: 'status', 'aria-labelledby': 'status-h' },
    el('h1', { id: 'status-h' }, `${sideName(sc, u.side)} · Table ${u.table + 1} · Turn ${v.turn} of ${sc.turns}: ${PHASE_NAME[v.phase]}`),
    el('p', { class: 'detail', id: 'resume-code' }, `Your resume code: ${welcome!.resumeCode}. To continue on another device, join with your name and this code; keep it to yourself.`),
    el('p', {}, `You are ${welcome!.name}${isLead() ? ', the team lead' : lead ? `; your team lead is ${lead.name}` : ''}. ${welcome!.decision === 'vote' ? 'Your team votes on every move.' : 'The team lead submits the team’s moves.'}`),
    el('p', { id: 'timer', class: 'timer' }, timerText()),
    el('p', { class: 'score' }, scoreSoFarWords(u.score)),
    u.paused ? el('p', { class: 'paused', role: 'status' }, 'Paused by your teacher: moves wait until the table resumes.') : null,
    Date.now() < slowUntil ? el('p', { class: 'refused', role: 'alert', id: 'slow-down' }, `You are sending too fast; wait ${Math.ceil((slowUntil - Date.now()) / 1000)} s. What you sent meanwhile was not taken.`) : null,
    removed ? el('p', { class: 'refused', role: 'alert' }, removed) : null,
    u.computer === 'teacher' ? el('p', { class: 'paused', role: 'status' }, 'Your teacher has given your team’s moves to the computer for now.') : null,
    teacherLines.length ? el('p', { class: 'teacher-message' }, el('strong', {}, 'From your teacher: '), teacherLines.at(-1)!.text) : null,
  );
}

function actions(sc: Scenario, u: TeamUpdate, me: Side): HTMLElement {
  const v = u.view;
  const section = el('section', { 'aria-labelledby': 'actions-h', class: 'actions' }, el('h2', { id: 'actions-h', tabindex: -1, 'data-focus': 'actions-h' }, 'Your team’s move'));
  if (refused) section.append(el('p', { role: 'alert', class: 'refused' }, `Refused: ${refused}`));
  if (u.ended) {
    const o = u.score;
    section.append(
      el('p', {}, `The game is over${v.end ? ` (${v.end.reason === 'turns' ? 'the last turn was played' : v.end.reason === 'escalation' ? 'escalation reached 100' : `${sideName(sc, v.end.side!)} lost office`})` : ''}.`),
      el('p', {}, `Your side’s score: ${o.score.toFixed(1)} (your goal was ${o.goal}). Your teacher will lead the class debrief.`),
    );
    return section;
  }
  if (u.paused) {
    section.append(el('p', {}, 'The table is paused.'));
    return section;
  }
  const p = u.proposal;
  if (p) {
    const voted = p.yes.includes(welcome!.seat);
    section.append(
      el(
        'div',
        { class: 'team-proposal', role: 'group', 'aria-labelledby': 'tp-h' },
        el('h3', { id: 'tp-h' }, 'Proposed to your team'),
        el('p', {}, `${p.by}: ${describeMove(sc, { ...p.move, side: me } as Move)} ${p.yes.length} of ${p.needed} votes needed.`),
        voted ? el('p', {}, 'You voted yes.') : el('div', { class: 'row' }, button('Vote yes', () => vote(p.id, true), { class: 'primary' }), button('Vote no', () => vote(p.id, false))),
      ),
    );
  }
  if (!u.yourMove) {
    section.append(el('p', {}, `Waiting for ${sideName(sc, otherSide(v.seats, me))}…`));
    return section;
  }
  if (welcome!.decision === 'lead' && !isLead() && u.team.length > 1) {
    const lead = u.team.find((m) => m.lead);
    // The chat is far down the other column: the link takes the keyboard (and the eye) straight to its input.
    const toChat = el('a', { href: '#chat-text', 'data-focus': 'to-chat', onclick: (e: Event) => (e.preventDefault(), document.getElementById('chat-text')?.focus()) }, 'the team chat');
    section.append(el('p', {}, `It is your team’s move. ${lead ? `${lead.name}, your team lead,` : 'Your team lead'} submits it: talk it over in `, toChat, '.'));
    return section;
  }
  const verb = votes() ? 'Propose to the team: ' : '';
  const choices = moveChoices(sc, u);
  const row = (group: string) => choices.filter((c) => c.group === group);
  if (v.phase === 'statements') {
    // Statements are simultaneous: the other side's words are read once this team has spoken too.
    if (v.sealed?.includes(otherSide(v.seats, me))) section.append(el('p', { class: 'detail' }, `${sideName(sc, otherSide(v.seats, me))} has made its statement; you will read it once your team has spoken.`));
    // A red line may be declared with the statement: one of this side's own open cards, not declared before.
    const declare = el('select', { id: 'declare-red-line', 'data-focus': 'declare-red-line' }, el('option', { value: '' }, 'No red line'), ...u.declarable.map((id) => el('option', { value: id }, cardTitle(sc, id))));
    section.append(el('p', {}, 'Make a public statement (trust abroad against support at home).'));
    if (u.declarable.length && row('statements').length) section.append(el('div', { class: 'row' }, el('label', { for: 'declare-red-line' }, 'Declare a red line with your statement (optional)'), ' ', declare));
    section.append(el('div', { class: 'row' }, ...row('statements').map((c) => button(verb + c.label, () => sendMove(declare.value ? ({ ...c.move, redLine: declare.value } as Move) : c.move)))));
    const channels = row('channels');
    if (channels.length) {
      section.append(el('h3', {}, 'Channels to open'));
      for (const c of channels) {
        const ch = sc.channels.find((x) => x.id === (c.move as { channel: string }).channel);
        section.append(el('div', { class: 'row' }, button(verb + c.label, () => sendMove(c.move)), ch ? el('span', { class: 'detail' }, ` ${textOf(ch.text)}`) : null));
      }
    }
  }
  if (u.offer && u.offer.by !== me) section.append(offer(sc, u.offer));
  if (v.phase === 'responses') section.append(el('div', { class: 'row' }, ...row('response').map((c) => button(verb + c.label, () => sendMove(c.move), { class: c.primary ? 'primary' : '' }))));
  if (packageMode(u)) section.append(packageBuilder(sc, u, me, verb));
  if (v.phase === 'proposals') section.append(el('div', { class: 'row' }, ...row('response').map((c) => button(verb + c.label, () => sendMove(c.move)))));
  if (v.phase === 'implementation') {
    if (v.agreements.some((a) => row(a.id).length))
      section.append(el('p', { class: 'detail' }, 'Implement: carry out your side. Delay: put it off (costs trust; delay too often and the agreement breaks). Defect: secretly do not carry it out — if the other side verifies, trust collapses. Verify: check that the other side really carried out its part.'));
    for (const a of v.agreements) {
      const forIt = row(a.id);
      if (!forIt.length) continue;
      section.append(el('h3', {}, `Agreement ${agreementName(sc, a.id, a.tracks)}`), el('div', { class: 'row' }, ...forIt.map((c) => button(verb + c.label, () => sendMove(c.move)))));
    }
    section.append(el('div', { class: 'row' }, ...row('finish').map((c) => button(verb + c.label, () => sendMove(c.move), { class: 'primary' }))));
  }
  return section;
}

function packageBuilder(sc: Scenario, u: TeamUpdate, me: Side, verb: string): HTMLElement {
  const v = u.view;
  const mode = packageMode(u)!;
  const them = otherSide(v.seats, me);
  const trackName = (id: string) => textOf(sc.tracks.find((t) => t.id === id)?.name) || id;
  const box = (kind: 'give' | 'ask', id: string, label: string, detail: string) => {
    const set = draft[kind];
    return el(
      'li',
      {},
      el('input', { type: 'checkbox', id: `${kind}-${id}`, 'data-focus': `${kind}-${id}`, checked: set.has(id), onchange: (e: Event) => ((e.target as HTMLInputElement).checked ? set.add(id) : set.delete(id), render()) }),
      el('label', { for: `${kind}-${id}` }, ` ${label}`),
      el('span', { class: 'detail' }, ` — ${detail}`),
    );
  };
  // A graded issue is one choice, as at the table: none of its options, or one of them (a package holds one).
  const issue = (kind: 'give' | 'ask', card: HandCard) => {
    const set = draft[kind];
    const ids = card.options.map((o) => o.id);
    return issueChoice({
      name: `${kind}-issue-${card.issue}`,
      legend: trackName(card.options[0].track),
      none: 'Not in the package',
      options: card.options.map((o) => ({ id: o.id, label: `${textOf(o.title)}${kind === 'give' ? `, costs you ${o.cost} support` : ''}` })),
      chosen: ids.find((id) => set.has(id)) ?? null,
      choose: (id) => {
        for (const o of ids) set.delete(o);
        if (id) set.add(id);
        render();
      },
    });
  };
  const hand = (kind: 'give' | 'ask', side: Side) =>
    handOf(sc, v, side).map((card) => {
      const c = card.options[0];
      return card.issue ? issue(kind, card) : box(kind, c.id, textOf(c.title), kind === 'give' ? `${trackName(c.track)}, costs you ${c.cost} support` : trackName(c.track));
    });
  const choice = packageChoice(sc, u, draft)!;
  const preview = choice.preview;
  return el(
    'div',
    { class: 'builder' },
    el('h3', {}, mode === 'propose' ? 'Build a package' : 'Or build a counter-proposal'),
    el('fieldset', {}, el('legend', {}, 'Cards you give'), el('ul', { class: 'cards' }, ...hand('give', me))),
    el('fieldset', {}, el('legend', {}, `Cards you ask of ${sideName(sc, them)}`), el('ul', { class: 'cards' }, ...hand('ask', them))),
    mode === 'propose'
      ? el(
          'fieldset',
          {},
          el('legend', {}, 'Format'),
          ...(['bilateral', 'multilateral'] as const).map((f) =>
            el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'format', value: f, 'data-focus': `format-${f}`, checked: draft.format === f, onchange: () => ((draft.format = f), render()) }), ` ${f === 'bilateral' ? 'Bilateral' : 'Multilateral (a venue: costs less at home)'}`),
          ),
        )
      : null,
    el('h4', {}, 'Preview'),
    !preview
      ? el('p', {}, 'Choose cards to give and to ask for; the likely effect on every meter appears here.')
      : preview.refused
        ? el('p', { class: 'refused' }, `Cannot be sent: ${preview.refused}`)
        : el('div', {}, el('ul', { 'aria-label': 'Effect on the meters if signed' }, ...Object.entries(preview.onSigning).map(([p, d]) => el('li', { class: d > 0 ? 'up' : 'down' }, `${meterName(sc, p)} ${signed(d)}`))), el('p', { class: 'score' }, previewScoreWords(preview))),
    button(verb + (mode === 'propose' ? 'Send proposal' : 'Send counter-proposal'), () => sendMove(choice.move), { class: 'primary', disabled: !preview || Boolean(preview.refused) }),
  );
}

/** The package this team is answering, in its own terms: what it gets, what it gives, what accepting does now. */
function offer(sc: Scenario, p: OfferView): HTMLElement {
  const cards = (ids: string[]) => (ids.length ? ids.map((id) => cardTitle(sc, id)).join('; ') : 'nothing');
  const effects = Object.entries(p.preview?.onSigning ?? {});
  return el(
    'div',
    { class: 'offer', role: 'group', 'aria-labelledby': 'offer-h' },
    el('h3', { id: 'offer-h' }, `${sideName(sc, p.by)} ${p.isCounter ? 'counters' : 'offers'}${p.format === 'multilateral' ? ' (multilateral)' : ''}`),
    el('p', {}, el('strong', {}, 'You get: '), cards(p.give)),
    el('p', {}, el('strong', {}, 'You give: '), cards(p.ask)),
    !p.accept.may
      ? el('p', { class: 'refused' }, `You cannot accept: ${p.accept.why}`)
      : effects.length
        ? el('ul', { 'aria-label': 'If you accept' }, ...effects.map(([path, d]) => el('li', { class: d > 0 ? 'up' : 'down' }, `${meterName(sc, path)} ${signed(d)}`)))
        : null,
    p.preview ? el('p', { class: 'score' }, previewScoreWords(p.preview)) : null,
  );
}

/** Every move of this turn and the last, newest first: what the other team did, and what the computer did for a late team. */
function latestMoves(sc: Scenario, v: SideView): HTMLElement {
  const items = v.history.slice(-2).flatMap((t) => t.moves.map((m) => ({ turn: t.turn, m }))).reverse();
  return el(
    'section',
    { 'aria-labelledby': 'moves-h' },
    el('h2', { id: 'moves-h' }, 'Latest moves'),
    items.length ? el('ol', { class: 'moves', reversed: true }, ...items.map(({ turn, m }) => el('li', {}, el('strong', {}, `Turn ${turn}: `), describeMove(sc, m)))) : el('p', {}, 'No moves yet this game.'),
  );
}

function onTheTable(sc: Scenario, v: SideView): HTMLElement {
  const p = v.proposal;
  return el(
    'section',
    { 'aria-labelledby': 'table-h' },
    el('h2', { id: 'table-h' }, 'On the table'),
    p ? el('p', {}, describeMove(sc, { type: p.isCounter ? 'counter' : 'propose', side: p.by, give: p.give, ask: p.ask, format: p.format })) : el('p', {}, 'No package on the table.'),
    el('h3', {}, 'Agreements'),
    v.agreements.length ? el('ul', {}, ...v.agreements.map((a) => el('li', {}, `${agreementName(sc, a.id, a.tracks)}: ${a.status}`))) : el('p', {}, 'None signed yet.'),
  );
}

function news(v: SideView): HTMLElement {
  const items = allNews(v).slice(-5).reverse();
  return el(
    'section',
    { 'aria-labelledby': 'news-h' },
    el('h2', { id: 'news-h' }, 'News'),
    items.length ? el('ul', { class: 'news' }, ...items.map((n) => el('li', {}, el('strong', {}, `Turn ${n.turn}: ${n.title}. `), n.text, n.cite.length ? el('span', { class: 'detail' }, ` (${n.cite.join(', ')})`) : null))) : el('p', {}, 'No news yet.'),
  );
}

function meters(sc: Scenario, v: SideView): HTMLElement {
  const m = v.meters;
  const rows: HTMLElement[] = [];
  for (const side of [welcome!.side, otherSide(scenario!.seats, welcome!.side)]) {
    rows.push(meterBar(meterName(sc, `trust.${side}`), m.trust[side]), meterBar(meterName(sc, `support.${side}`), m.support[side]), meterBar(meterName(sc, `hawks.${side}`), m.hawks[side], { danger: true }));
  }
  for (const [id, value] of Object.entries(m.allies)) rows.push(meterBar(meterName(sc, `allies.${id}`), value));
  rows.push(meterBar(meterName(sc, 'escalation'), m.escalation, { danger: true }));
  return el('section', { 'aria-labelledby': 'meters-h' }, el('h2', { id: 'meters-h' }, 'Meters'), el('div', { class: 'meters' }, ...rows));
}

function tracks(sc: Scenario, u: TeamUpdate): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'tracks-h' },
    el('h2', { id: 'tracks-h' }, 'Tracks'),
    el('ul', {}, ...u.tracks.map((t) => el('li', {}, el('strong', {}, `${trackLabel(sc, t.track)}: `), stageLabel(sc, t.track, t.stage), t.next ? el('span', { class: 'detail' }, `. Next: ${stageLabel(sc, t.track, t.next.to)} (${t.next.on.toLowerCase()})`) : null))),
  );
}

function team(): HTMLElement {
  const u = update!;
  return el(
    'section',
    { 'aria-labelledby': 'team-h' },
    el('h2', { id: 'team-h' }, 'Your team'),
    el('ul', {}, ...u.team.map((m) => el('li', {}, `${m.name}${m.lead ? ' (lead)' : ''}${m.name === welcome!.name ? ' — you' : ''} — ${m.online ? 'online' : 'away'}`))),
  );
}

function chat(): HTMLElement {
  const u = update!;
  const input = el('input', { id: 'chat-text', type: 'text', maxlength: 500, autocomplete: 'off', value: chatDraft, 'data-focus': 'chat-text', oninput: (e: Event) => (chatDraft = (e.target as HTMLInputElement).value) });
  return el(
    'section',
    { 'aria-labelledby': 'chat-h', class: 'chat' },
    el('h2', { id: 'chat-h' }, 'Team chat'),
    el('p', { class: 'detail' }, 'Only your team and your teacher read this.'),
    u.chat.length ? el('ol', { class: 'chat-lines', 'aria-label': 'Team chat messages' }, ...u.chat.slice(-12).map((c) => el('li', { class: c.teacher ? 'from-teacher' : '' }, el('strong', {}, `${c.from}: `), c.text))) : el('p', {}, 'No messages yet.'),
    el('form', { onsubmit: (e: Event) => (e.preventDefault(), sendChat()) }, el('label', { for: 'chat-text' }, 'Message to your team '), input, el('button', { type: 'submit', 'data-focus': 'chat-send' }, 'Send')),
  );
}

/** The team's confidential brief (the single-player briefing's content; that module brings the whole game with it). */
function brief(sc: Scenario, me: Side): HTMLElement {
  const def = sc.sides[me];
  const trackName = (id: string) => textOf(sc.tracks.find((t) => t.id === id)?.name) || id;
  return el(
    'details',
    { class: 'brief-box' },
    el('summary', { 'data-focus': 'brief' }, `Your confidential brief: ${sideName(sc, me)}`),
    el('p', {}, textOf(def.brief)),
    el('p', {}, `Leader: ${textOf(def.leader)}, ${textOf(def.capital)}. Goal: a score of ${def.goal}.`),
    el('h3', {}, 'Priorities (0–10)'),
    el('ul', {}, ...Object.entries(def.priorities).sort((a, b) => b[1] - a[1]).map(([track, w]) => el('li', {}, `${trackName(track)}: ${w}`))),
    el('h3', {}, 'Red lines'),
    def.redLines.length ? el('ul', {}, ...def.redLines.map((r) => el('li', {}, `Never give “${cardTitle(sc, r.card)}”: ${textOf(r.why)}`))) : el('p', {}, 'None.'),
  );
}

function hand(sc: Scenario, v: SideView, me: Side): HTMLElement {
  const cards = openCards(sc, v, me);
  const trackName = (id: string) => textOf(sc.tracks.find((t) => t.id === id)?.name) || id;
  return el(
    'section',
    { 'aria-labelledby': 'hand-h' },
    el('h2', { id: 'hand-h' }, 'Your hand'),
    cards.length ? el('ul', { class: 'cards' }, ...cards.map((c) => el('li', {}, el('strong', {}, cardTitle(sc, c.id)), el('span', { class: 'detail' }, ` — ${trackName(c.track)}; costs you ${c.cost} support. ${textOf(c.text)}`)))) : el('p', {}, 'Every card has been given.'),
  );
}

// ------------------------------------------------------------------ start

addEventListener('hashchange', () => {
  const c = normalCode(location.hash.slice(1));
  if (c && c !== code && !link) {
    code = c;
    render();
  }
});

const saved = isJoinCode(code) ? remembered(code) : null;
if (saved) start(saved.name);
else {
  linkBanner(banner, 'online');
  render();
}
