// The negotiation table's accessible layer: every move as a real button, every meter in words.
import {
  allLedger,
  allNews,
  applyMove,
  cardTitle,
  legalMoves,
  meterPaths,
  readMeter,
  METER_MAX,
  METER_MIN,
  whyNot,
  nextForwardStep,
  otherSide,
  possessive,
  previewPackage,
  sideName,
  textOf,
  type Format,
  type Move,
  type Scenario,
  type Side,
  type GameState,
  type Obligation,
  viewFor,
} from '../../engine';
import { play } from '../../audio/sound';
import { store } from '../session';
import { meterName, signed, describeMove, PHASE_NAME, agreementName } from '../labels';
import { briefSection } from './briefing';
import { el, button } from './el';

/** The package being built; kept across re-renders until it is sent. */
const draft = { give: new Set<string>(), ask: new Set<string>(), format: 'bilateral' as Format };
let ledgerOpen = false;
let lastError = '';

export function resetDraft(): void {
  draft.give.clear();
  draft.ask.clear();
  draft.format = 'bilateral';
}

function send(move: Move): void {
  play('click');
  const refused = store.send(move);
  lastError = refused ?? '';
  if (!refused && (move.type === 'propose' || move.type === 'counter')) resetDraft();
  if (refused) store.refresh();
}

export function meterRows(scenario: Scenario, state: GameState): { path: string; label: string; value: number }[] {
  const m = state.meters;
  const rows = [];
  for (const side of ['us', 'ru'] as Side[]) {
    rows.push({ path: `trust.${side}`, label: meterName(scenario, `trust.${side}`), value: m.trust[side] });
    rows.push({ path: `support.${side}`, label: meterName(scenario, `support.${side}`), value: m.support[side] });
    rows.push({ path: `hawks.${side}`, label: meterName(scenario, `hawks.${side}`), value: m.hawks[side] });
  }
  for (const [id, v] of Object.entries(m.allies)) rows.push({ path: `allies.${id}`, label: meterName(scenario, `allies.${id}`), value: v });
  rows.push({ path: 'escalation', label: meterName(scenario, 'escalation'), value: m.escalation });
  return rows;
}

/** Meter changes as a list, "▲ Russia's trust in United States +3". */
function meterChanges(scenario: Scenario, changes: Record<string, number>, label: string): HTMLElement {
  return el('ul', { 'aria-label': label }, ...Object.entries(changes).map(([p, d]) => el('li', { class: d > 0 ? 'up' : 'down' }, `${meterName(scenario, p)} ${signed(d)}`)));
}

/** What accepting the package on the table would do to the meters, played on a copy by the engine. */
function acceptPreview(scenario: Scenario, state: GameState, me: Side): Record<string, number> | null {
  const r = applyMove(scenario, state, { type: 'accept', side: me });
  if (!r.ok) return null;
  const changes: Record<string, number> = {};
  for (const p of meterPaths(state)) {
    const d = readMeter(r.state, p) - readMeter(state, p);
    if (d !== 0) changes[p] = d;
  }
  return changes;
}

/** The package on the table in the words of the side that must answer it: what it gets, what it gives. */
function proposalForResponder(scenario: Scenario, state: GameState): HTMLElement | null {
  const p = state.proposal;
  if (!p) return null;
  const cards = (ids: string[]) => (ids.length ? ids.map((id) => cardTitle(scenario, id)).join('; ') : 'nothing');
  const from = sideName(scenario, p.by);
  return el(
    'ul',
    { class: 'terms', 'aria-label': `${possessive(from)} package` },
    el('li', {}, `You would get: ${cards(p.give)}`),
    el('li', {}, `You would give: ${cards(p.ask)}`),
    el('li', {}, `Format: ${p.format ?? 'bilateral'}`),
  );
}

function packageBuilder(scenario: Scenario, state: GameState, me: Side, mode: 'propose' | 'counter'): HTMLElement {
  const them = otherSide(state.seats, me);
  const available = (side: Side) => scenario.cards.filter((c) => c.side === side && !state.given[side].includes(c.id));
  const trackName = (id: string) => textOf(scenario.tracks.find((t) => t.id === id)?.name) || id;
  const redLines = new Set(scenario.sides[me].redLines.map((r) => r.card));
  const box = (kind: 'give' | 'ask', id: string, label: string, detail: string) => {
    const set = draft[kind];
    const input = el('input', {
      type: 'checkbox',
      id: `${kind}-${id}`,
      'data-focus': `${kind}-${id}`,
      checked: set.has(id),
      disabled: kind === 'give' && redLines.has(id), // the label says why
      onchange: (e: Event) => {
        if ((e.target as HTMLInputElement).checked) set.add(id);
        else set.delete(id);
        store.refresh();
      },
    });
    return el('li', {}, input, el('label', { for: `${kind}-${id}` }, ` ${label}`), el('span', { class: 'detail' }, ` — ${detail}`));
  };
  const terms = { give: [...draft.give], ask: [...draft.ask], format: draft.format };
  const preview = terms.give.length + terms.ask.length ? previewPackage(scenario, state, me, terms) : null;
  const previewList = preview
    ? preview.refused
      ? el('p', { class: 'refused' }, `Cannot be sent: ${preview.refused}`)
      : Object.keys(preview.onSigning).length
        ? meterChanges(scenario, preview.onSigning, 'Effect on the meters if signed')
        : el('p', {}, `No preview: ${sideName(scenario, them)} could not sign this package as it stands. You may still send it.`)
    : el('p', {}, 'Choose cards to give and to ask for; the likely effect on every meter appears here.');
  const formats = el(
    'fieldset',
    {},
    el('legend', {}, 'Format'),
    ...(['bilateral', 'multilateral'] as Format[]).map((f) =>
      el(
        'label',
        { class: 'choice' },
        el('input', { type: 'radio', name: 'format', value: f, 'data-focus': `format-${f}`, checked: draft.format === f, onchange: () => ((draft.format = f), store.refresh()) }),
        ` ${f === 'bilateral' ? 'Bilateral' : 'Multilateral (a venue: costs less at home)'}`,
      ),
    ),
  );
  const verb = mode === 'propose' ? 'Send proposal' : 'Send counter-proposal';
  return el(
    'div',
    { class: 'builder' },
    el('h3', {}, mode === 'propose' ? 'Build a package' : 'Or build a counter-proposal'),
    el('fieldset', {}, el('legend', {}, 'Your hand: cards you give'), el('ul', { class: 'cards' }, ...available(me).map((c) => box('give', c.id, textOf(c.title), `${trackName(c.track)}, costs you ${c.cost} support${redLines.has(c.id) ? ' — your red line: cannot be given' : ''}`)))),
    el('fieldset', {}, el('legend', {}, `Cards you ask of ${sideName(scenario, them)}`), el('ul', { class: 'cards' }, ...available(them).map((c) => box('ask', c.id, textOf(c.title), trackName(c.track))))),
    mode === 'propose' ? formats : null,
    el('h4', {}, `Preview: the meters if ${sideName(scenario, them)} accepts`),
    previewList,
    button(verb, () => send({ type: mode, side: me, ...terms, format: mode === 'propose' ? draft.format : undefined } as Move), {
      class: 'primary',
      disabled: !preview || Boolean(preview.refused),
    }),
  );
}

/** Warnings a new player needs before it is too late: the meters near the values that end the game. */
function dangers(state: GameState, viewer: Side): string[] {
  const out: string[] = [];
  const { escalation, support } = state.meters;
  if (escalation >= METER_MAX - 20) out.push(`Danger: escalation risk is ${escalation}. At ${METER_MAX} a crisis ends the game for both sides.`);
  if (support[viewer] <= METER_MIN + 15) out.push(`Danger: your support at home is ${support[viewer]}. At ${METER_MIN} you lose office and the game ends.`);
  return out;
}

/** Where one side's part of an agreement stands, in words. */
function obligationWords(o: Obligation, turn: number): string {
  const delayed = o.delays ? `, delayed ${o.delays === 1 ? 'once' : `${o.delays} times`}` : '';
  if (o.status === 'pending') return `${o.decidedTurn === turn ? 'delayed this turn' : 'not yet carried out'}${o.decidedTurn === turn ? '' : delayed}`;
  if (o.exposed) return 'caught defecting';
  if (o.status === 'defected') return 'secretly not carried out';
  return o.verified ? 'carried out and verified' : 'carried out, not verified';
}

function actions(scenario: Scenario, state: GameState, me: Side | null): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'actions-h', class: 'actions' }, el('h2', { id: 'actions-h' }, me ? 'Your move' : 'Moves'));
  if (!me) {
    if (store.notice) section.append(el('p', { role: 'alert', class: 'refused' }, store.notice));
    section.append(el('p', {}, `Waiting for ${sideName(scenario, otherSide(scenario.seats, store.session!.viewer))}…`));
    return section;
  }
  const legal = legalMoves(scenario, state, me);
  if (lastError) section.append(el('p', { role: 'alert', class: 'refused' }, lastError));
  if (store.notice) section.append(el('p', { role: 'alert', class: 'refused' }, store.notice));
  switch (state.phase) {
    case 'statements': {
      section.append(el('p', {}, 'Make a public statement (trust abroad against support at home).'));
      const row = el('div', { class: 'row' });
      for (const m of legal) if (m.type === 'statement') row.append(button(`${m.tone[0].toUpperCase()}${m.tone.slice(1)} statement`, () => send(m)));
      section.append(row);
      const channels = legal.filter((m): m is Extract<Move, { type: 'openChannel' }> => m.type === 'openChannel');
      if (channels.length) {
        section.append(el('h3', {}, 'Channels to open'));
        for (const m of channels) {
          const c = scenario.channels.find((x) => x.id === m.channel)!;
          section.append(el('div', { class: 'row' }, button(`Open channel: ${textOf(c.name)}`, () => send(m)), el('span', { class: 'detail' }, ` ${textOf(c.text)}`)));
        }
      }
      break;
    }
    case 'proposals':
      section.append(packageBuilder(scenario, state, me, 'propose'), el('div', { class: 'row' }, button('Pass (no proposal)', () => send({ type: 'pass', side: me }))));
      break;
    case 'responses': {
      const from = state.proposal ? sideName(scenario, state.proposal.by) : '';
      section.append(el('h3', {}, `${possessive(from)} ${state.proposal?.isCounter ? 'counter-proposal' : 'proposal'}`), proposalForResponder(scenario, state) ?? '');
      const cannot = legal.some((m) => m.type === 'accept') ? null : whyNot(scenario, state, { type: 'accept', side: me });
      const changes = cannot ? null : acceptPreview(scenario, state, me);
      if (cannot) section.append(el('p', { class: 'refused' }, `You cannot accept: ${cannot.replace(/[.\s]+$/, '')}.`));
      else if (changes) section.append(el('h4', {}, 'If you accept'), Object.keys(changes).length ? meterChanges(scenario, changes, 'Effect on the meters if you accept') : el('p', {}, 'No meter changes.'));
      const row = el('div', { class: 'row' });
      for (const m of legal) row.append(button(m.type === 'accept' ? 'Accept the package' : 'Reject the package', () => send(m), { class: m.type === 'accept' ? 'primary' : '' }));
      section.append(row);
      if (state.proposal && !state.proposal.isCounter) section.append(packageBuilder(scenario, state, me, 'counter'));
      break;
    }
    case 'implementation': {
      section.append(
        el(
          'p',
          { class: 'detail' },
          'Implement: carry out your side of the agreement. Delay: put it off (costs trust; delay too often and the agreement breaks). Defect: secretly do not carry it out — if the other side verifies, trust collapses. Verify: check that the other side really carried out its part.',
        ),
      );
      for (const a of state.agreements) {
        const mine = legal.filter((m) => 'agreement' in m && m.agreement === a.id);
        if (!mine.length) continue;
        const name = agreementName(scenario, a.id, a.tracks);
        // Read through the player's own view: the other side's undiscovered defection looks like implementation.
        const seen = viewFor(state, me).agreements.find((x) => x.id === a.id) ?? a;
        const part = (side: Side) => {
          const o = seen.obligations[side];
          if (!o.cards.length) return 'nothing';
          return `${o.cards.map((id) => cardTitle(scenario, id)).join('; ')} (${obligationWords(o, state.turn)})`;
        };
        section.append(
          el('h3', {}, `Agreement ${name}`),
          el('p', { class: 'detail' }, `Your part: ${part(me)}. ${possessive(sideName(scenario, otherSide(scenario.seats, me)))} part: ${part(otherSide(scenario.seats, me))}.`),
          el('div', { class: 'row' }, ...mine.map((m) => button(`${m.type[0].toUpperCase()}${m.type.slice(1)} ${a.id}`, () => send(m), { 'aria-label': `${m.type} agreement ${name}` }))),
        );
      }
      const done = legal.find((m) => m.type === 'done');
      if (done) section.append(el('div', { class: 'row' }, button('Done with implementation', () => send(done), { class: 'primary' })));
      break;
    }
    default:
      section.append(el('p', {}, 'Nothing to do.'));
  }
  return section;
}

export function renderTable(root: HTMLElement): void {
  const s = store.session!;
  const { scenario, state } = s;
  const me = store.humanToAct();
  const viewer = s.viewer;
  const ledger = allLedger(state);
  const news = allNews(state);
  const proposal = state.proposal;
  root.append(
    el('h1', { class: 'sr-only' }, `${textOf(scenario.title)} — negotiation table`),
    el(
      'section',
      { 'aria-labelledby': 'status-h' },
      el('h2', { id: 'status-h' }, `Turn ${state.turn} of ${scenario.turns}: ${PHASE_NAME[state.phase]}`),
      el('p', {}, `You are ${sideName(scenario, viewer)}. ${me ? 'Your move.' : 'The other side is moving.'}`),
      proposal && !(me && state.phase === 'responses') ? el('p', {}, `On the table: ${describeMove(scenario, { type: proposal.isCounter ? 'counter' : 'propose', side: proposal.by, give: proposal.give, ask: proposal.ask, format: proposal.format })}`) : null,
      s.lastReason ? el('p', { class: 'reason' }, `${sideName(scenario, s.lastReason.side)}: “${s.lastReason.reason}”`) : null,
      ...dangers(state, viewer).map((text) => el('p', { class: 'refused danger' }, text)),
    ),
    actions(scenario, state, me),
    el(
      'section',
      { 'aria-labelledby': 'meters-h' },
      el('h2', { id: 'meters-h' }, 'Meters'),
      el('ul', { class: 'meters' }, ...meterRows(scenario, state).map((r) => el('li', {}, `${r.label}: ${r.value}`))),
      button(ledgerOpen ? 'Close ledger' : 'Open ledger', () => ((ledgerOpen = !ledgerOpen), store.refresh()), { 'aria-expanded': String(ledgerOpen), 'data-focus': 'ledger' }),
      ledgerOpen
        ? el(
            'ol',
            { class: 'ledger', 'aria-label': 'Ledger of meter changes' },
            ...ledger
              .slice(-60)
              .reverse()
              .map((e) => el('li', {}, `Turn ${e.turn}: ${meterName(scenario, e.meter)} ${signed(e.delta)} → ${e.value} (${e.cause}${e.cite ? `; ${e.cite}` : ''})`)),
          )
        : null,
    ),
    el(
      'section',
      { 'aria-labelledby': 'tracks-h' },
      el('h2', { id: 'tracks-h' }, 'Tracks'),
      el(
        'ul',
        {},
        ...scenario.tracks.map((t) => {
          const stage = t.stages.find((x) => x.id === state.tracks[t.id].stage);
          const next = nextForwardStep(t, state.tracks[t.id].stage);
          const nextStage = next && t.stages.find((x) => x.id === next.to);
          return el('li', {}, `${textOf(t.name)}: ${textOf(stage?.name)}${nextStage ? `. Next: ${textOf(nextStage.name)} (${next.on.toLowerCase()})` : ''}`);
        }),
      ),
    ),
    scenario.channels.length
      ? el(
          'section',
          { 'aria-labelledby': 'channels-h' },
          el('h2', { id: 'channels-h' }, 'Channels'),
          el(
            'ul',
            {},
            ...scenario.channels.map((c) => {
              const ch = state.channels[c.id];
              const asked = ch.requested.map((side) => (side === viewer ? 'you' : sideName(scenario, side)));
              const status = ch.open ? 'open (calms escalation each turn)' : asked.length ? `closed; ${asked.join(' and ')} asked to open it — it opens when both sides reach out` : 'closed';
              return el('li', {}, `${textOf(c.name)}: ${status}`);
            }),
          ),
        )
      : '',
    el(
      'section',
      { 'aria-labelledby': 'agreements-h' },
      el('h2', { id: 'agreements-h' }, 'Agreements'),
      state.agreements.length
        ? el('ul', {}, ...state.agreements.map((a) => el('li', {}, `${agreementName(scenario, a.id, a.tracks)}: ${a.status}`)))
        : el('p', {}, 'None signed yet.'),
    ),
    el(
      'section',
      { 'aria-labelledby': 'news-h' },
      el('h2', { id: 'news-h' }, 'News'),
      news.length ? el('ul', {}, ...news.slice(-5).reverse().map((n) => el('li', {}, `Turn ${n.turn}: ${n.title}. ${n.text} (${n.cite.join(', ')})`))) : el('p', {}, 'No news yet.'),
    ),
    el('details', {}, el('summary', { 'data-focus': 'brief' }, 'Your confidential brief'), briefSection(scenario, viewer, 'h3')),
    el('div', { class: 'row' }, button('Leave the table (the game is saved)', () => store.quit())),
  );
}
