// The negotiation table's accessible layer: every move as a real button, every meter in words. It shows the engine's
// view of the seat on screen (store.table(): tableView, the game as that side may see it, the moves it may make, what
// a package or an answer would do, its score), the same view the classroom server sends a team; it decides no rule.
import {
  allLedger,
  allNews,
  METER_MAX,
  METER_MIN,
  otherSide,
  textOf,
  type Format,
  type Move,
  type OfferView,
  type Scenario,
  type Side,
  type GameState,
  type Obligation,
  type TableView,
} from '../../engine';
import { play } from '../../audio/sound';
import { store, words } from '../session';
import { meterName, signed, describeMove, phaseName, agreementName, sideLabel, cardLabel, trackLabel, stageLabel, newsWords, causeWords, reasonWords, previewScoreWords, scoreSoFarWords } from '../labels';
import { briefSection } from './briefing';
import { el, button, issueChoice } from './el';
import { handOf, type HandCard, type Kind } from '../draft';

let ledgerOpen = false;
let lastError = '';

function send(move: Move): void {
  play('click');
  const refused = store.send(move);
  lastError = refused ?? '';
  if (refused) store.refresh();
}

function sendPackage(): void {
  play('click');
  const refused = store.sendPackage();
  lastError = refused ?? '';
  if (refused) store.refresh();
}

export function meterRows(scenario: Scenario, state: GameState): { path: string; label: string; value: number }[] {
  const lang = store.language;
  const m = state.meters;
  const rows = [];
  for (const side of scenario.seats) {
    rows.push({ path: `trust.${side}`, label: meterName(scenario, `trust.${side}`, lang), value: m.trust[side] });
    rows.push({ path: `support.${side}`, label: meterName(scenario, `support.${side}`, lang), value: m.support[side] });
    rows.push({ path: `hawks.${side}`, label: meterName(scenario, `hawks.${side}`, lang), value: m.hawks[side] });
  }
  for (const [id, v] of Object.entries(m.allies)) rows.push({ path: `allies.${id}`, label: meterName(scenario, `allies.${id}`, lang), value: v });
  rows.push({ path: 'escalation', label: meterName(scenario, 'escalation', lang), value: m.escalation });
  return rows;
}

/** Meter changes as a list, "▲ Pakistan's trust in India +3". */
function meterChanges(scenario: Scenario, changes: Record<string, number>, label: string): HTMLElement {
  return el('ul', { 'aria-label': label }, ...Object.entries(changes).map(([p, d]) => el('li', { class: d > 0 ? 'up' : 'down' }, `${meterName(scenario, p, store.language)} ${signed(d)}`)));
}

const cardList = (scenario: Scenario, ids: string[]) => (ids.length ? ids.map((id) => cardLabel(scenario, id, store.language)).join('; ') : words().moves.nothing);

/** The package on the table in the words of the side that must answer it: what it gets, what it gives. */
function proposalForResponder(scenario: Scenario, p: OfferView): HTMLElement {
  const w = words();
  const from = sideLabel(scenario, p.by, store.language);
  return el(
    'ul',
    { class: 'terms', 'aria-label': w.table.packageOf(from) },
    el('li', {}, w.table.youGet(cardList(scenario, p.give))),
    el('li', {}, w.table.youGive(cardList(scenario, p.ask))),
    el('li', {}, w.table.formatIs(w.formats[p.format ?? 'bilateral'])),
  );
}

function packageBuilder(scenario: Scenario, seat: TableView, mode: 'propose' | 'counter'): HTMLElement {
  const w = words().table;
  const lang = store.language;
  const draft = store.draft;
  const me = seat.side;
  const them = otherSide(seat.view.seats, me);
  const themName = sideLabel(scenario, them, lang);
  const redLines = new Set(scenario.sides[me].redLines.map((r) => r.card));
  const changed = () => store.refresh();
  const box = (kind: Kind, card: HandCard, detail: string) => {
    const c = card.options[0];
    const input = el('input', {
      type: 'checkbox',
      id: `${kind}-${c.id}`,
      'data-focus': `${kind}-${c.id}`,
      checked: Boolean(draft.inPackage(kind, card)),
      disabled: kind === 'give' && redLines.has(c.id), // the label says why
      onchange: (e: Event) => ((e.target as HTMLInputElement).checked ? draft.place(kind, card) : draft.remove(kind, card), changed()),
    });
    return el('li', {}, input, el('label', { for: `${kind}-${c.id}` }, ` ${textOf(c.title, lang)}`), el('span', { class: 'detail' }, ` — ${detail}`));
  };
  // A graded issue is one card with a setting: none of its options, or one of them (a package holds one).
  const issue = (kind: Kind, card: HandCard) =>
    issueChoice({
      name: `${kind}-issue-${card.issue}`,
      // The issue's track in the legend; each option with what it costs (the options of one issue cost differently).
      legend: trackLabel(scenario, card.options[0].track, lang),
      none: w.notInPackage,
      options: card.options.map((o) => ({
        id: o.id,
        label: `${textOf(o.title, lang)}${kind === 'give' ? ` — ${w.optionCost(o.cost)}` : ''}${kind === 'give' && redLines.has(o.id) ? w.redLine : ''}`,
        disabled: kind === 'give' && redLines.has(o.id),
      })),
      chosen: draft.inPackage(kind, card)?.id ?? null,
      choose: (id) => (id ? draft.place(kind, card, id) : draft.remove(kind, card), changed()),
    });
  const hand = (kind: Kind, side: Side) =>
    handOf(scenario, seat.view, side).map((card) => {
      const c = card.options[0];
      const detail = kind === 'give' ? `${w.cardCost(trackLabel(scenario, c.track, lang), c.cost)}${!card.issue && redLines.has(c.id) ? w.redLine : ''}` : trackLabel(scenario, c.track, lang);
      return card.issue ? issue(kind, card) : box(kind, card, detail);
    });
  // Previewed as the other side would sign it: its red lines are its secret (its answer tells).
  const preview = store.draftPreview();
  const previewList = preview
    ? preview.refused
      ? el('p', { class: 'refused' }, w.cannotSend(preview.refused))
      : el(
          'div',
          {},
          Object.keys(preview.onSigning).length ? meterChanges(scenario, preview.onSigning, w.effectIfSigned) : el('p', {}, w.noMeterChange),
          el('p', { class: 'score' }, previewScoreWords(preview, lang)),
        )
    : el('p', {}, w.chooseCards);
  const formats = el(
    'fieldset',
    {},
    el('legend', {}, w.format),
    ...(['bilateral', 'multilateral'] as Format[]).map((f) =>
      el(
        'label',
        { class: 'choice' },
        el('input', { type: 'radio', name: 'format', value: f, 'data-focus': `format-${f}`, checked: draft.format === f, onchange: () => ((draft.format = f), changed()) }),
        ` ${f === 'bilateral' ? w.bilateral : w.multilateral}`,
      ),
    ),
  );
  const verb = mode === 'propose' ? w.sendProposal : w.sendCounter;
  return el(
    'div',
    { class: 'builder' },
    el('h3', {}, mode === 'propose' ? w.buildPackage : w.buildCounter),
    el('fieldset', {}, el('legend', {}, w.yourHand), el('ul', { class: 'cards' }, ...hand('give', me))),
    el('fieldset', {}, el('legend', {}, w.askOf(themName)), el('ul', { class: 'cards' }, ...hand('ask', them))),
    mode === 'propose' ? formats : null,
    // The preview and Send stay in sight at the panel's foot while cards are ticked above them.
    el(
      'div',
      { class: 'builder-foot' },
      el('h4', {}, w.previewHeading(themName)),
      previewList,
      button(verb, sendPackage, {
        class: 'primary',
        disabled: !preview || Boolean(preview.refused),
        'data-focus': `send-${mode}`,
      }),
    ),
  );
}

/** Warnings a new player needs before it is too late: the meters near the values that end the game. */
function dangers(state: GameState, viewer: Side): string[] {
  const w = words().table;
  const out: string[] = [];
  const { escalation, support } = state.meters;
  if (escalation >= METER_MAX - 20) out.push(w.dangerEscalation(escalation, METER_MAX));
  if (support[viewer] <= METER_MIN + 15) out.push(w.dangerSupport(support[viewer], METER_MIN));
  return out;
}

/** Where one side's part of an agreement stands, in words. */
function obligationWords(o: Obligation, turn: number): string {
  const w = words().table.obligation;
  const delayed = o.delays ? w.delayed(o.delays) : '';
  if (o.status === 'pending') return o.decidedTurn === turn ? w.delayedThisTurn : `${w.notYet}${delayed}`;
  if (o.exposed) return w.caught;
  if (o.status === 'defected') return w.secretlyNot;
  return o.verified ? w.verified : w.unverified;
}

function actions(scenario: Scenario, seat: TableView, me: Side | null): HTMLElement {
  const state = seat.view;
  const w = words().table;
  const lang = store.language;
  const section = el('section', { 'aria-labelledby': 'actions-h', class: 'actions' }, el('h2', { id: 'actions-h' }, me ? w.yourMove : w.movesHeading));
  if (!me) {
    if (store.notice) section.append(el('p', { role: 'alert', class: 'refused' }, store.notice));
    section.append(el('p', {}, w.waitingFor(sideLabel(scenario, otherSide(scenario.seats, store.session!.viewer), lang))));
    return section;
  }
  const legal = seat.moves;
  if (lastError) section.append(el('p', { role: 'alert', class: 'refused' }, lastError));
  if (store.notice) section.append(el('p', { role: 'alert', class: 'refused' }, store.notice));
  switch (state.phase) {
    case 'statements': {
      // Statements are simultaneous: the other side's words are read once this side has spoken too.
      const them = otherSide(scenario.seats, me);
      if (state.sealed?.includes(them)) section.append(el('p', { class: 'detail' }, w.theySpoke(sideLabel(scenario, them, lang))));
      section.append(el('p', {}, w.makeStatement));
      // A red line may be declared with the statement: one of this side's own open cards, not declared before.
      const declare = el('select', { id: 'declare-red-line', 'data-focus': 'declare-red-line' }, el('option', { value: '' }, w.noDeclaration), ...seat.declarable.map((id) => el('option', { value: id }, cardLabel(scenario, id, lang))));
      if (seat.declarable.length) section.append(el('div', { class: 'row' }, el('label', { for: 'declare-red-line' }, w.declareRedLine), ' ', declare));
      const row = el('div', { class: 'row' });
      for (const m of legal)
        if (m.type === 'statement') row.append(button(w.statementButton[m.tone], () => send(declare.value ? { ...m, redLine: declare.value } : m), { 'data-focus': `statement-${m.tone}` }));
      section.append(row);
      const channels = legal.filter((m): m is Extract<Move, { type: 'openChannel' }> => m.type === 'openChannel');
      if (channels.length) {
        section.append(el('h3', {}, w.channelsToOpen));
        for (const m of channels) {
          const c = scenario.channels.find((x) => x.id === m.channel)!;
          section.append(el('div', { class: 'row' }, button(w.openChannel(textOf(c.name, lang)), () => send(m), { 'data-focus': `channel-${c.id}` }), el('span', { class: 'detail' }, ` ${textOf(c.text, lang)}`)));
        }
      }
      break;
    }
    case 'proposals':
      section.append(
        seat.propose.may ? packageBuilder(scenario, seat, 'propose') : el('p', { class: 'refused' }, w.cannotPropose(seat.propose.why ?? '')),
        el('div', { class: 'row' }, ...legal.filter((m) => m.type === 'pass').map((m) => button(w.pass, () => send(m), { 'data-focus': 'pass' }))),
      );
      break;
    case 'responses': {
      const offer = seat.offer;
      if (offer) {
        section.append(el('h3', {}, w.proposalOf(sideLabel(scenario, offer.by, lang), offer.isCounter)), proposalForResponder(scenario, offer));
        if (!offer.accept.may) section.append(el('p', { class: 'refused' }, w.cannotAccept((offer.accept.why ?? '').replace(/[.\s]+$/, ''))));
        else if (offer.preview)
          section.append(
            el('h4', {}, w.ifAccept),
            Object.keys(offer.preview.onSigning).length ? meterChanges(scenario, offer.preview.onSigning, w.effectIfAccept) : el('p', {}, w.noChanges),
            el('p', { class: 'score' }, previewScoreWords(offer.preview, lang)),
          );
      }
      const row = el('div', { class: 'row' });
      for (const m of legal) row.append(button(m.type === 'accept' ? w.accept : w.reject, () => send(m), { class: m.type === 'accept' ? 'primary' : '', 'data-focus': m.type }));
      section.append(row);
      // A refusal may say why; the other side reads it (and the computer counterpart heeds it).
      const reject = legal.find((m) => m.type === 'reject');
      if (reject) {
        section.append(
          el('div', { class: 'row', role: 'group', 'aria-label': w.reject }, ...seat.refusalReasons.map((reason) => button(w.rejectBecause(words().refusalReasons[reason]), () => send({ ...reject, reason }), { 'data-focus': `reject-${reason}` }))),
        );
      }
      if (seat.counter.may) section.append(packageBuilder(scenario, seat, 'counter'));
      break;
    }
    case 'implementation': {
      section.append(el('p', { class: 'detail' }, w.implementationHelp));
      // The player's own view: the other side's undiscovered defection looks like implementation.
      for (const a of state.agreements) {
        const mine = legal.filter((m) => 'agreement' in m && m.agreement === a.id);
        if (!mine.length) continue;
        const name = agreementName(scenario, a.id, a.tracks, lang);
        const part = (side: Side) => {
          const o = a.obligations[side];
          if (!o.cards.length) return words().moves.nothing;
          return `${cardList(scenario, o.cards)} (${obligationWords(o, state.turn)})`;
        };
        // Each button's name is its visible label ("Implement A1"); the agreement it acts on is its description.
        const described = `agreement-${a.id}-h agreement-${a.id}-parts`;
        section.append(
          el('h3', { id: `agreement-${a.id}-h` }, w.agreement(name)),
          el('p', { class: 'detail', id: `agreement-${a.id}-parts` }, w.parts(part(me), sideLabel(scenario, otherSide(scenario.seats, me), lang), part(otherSide(scenario.seats, me)))),
          el(
            'div',
            { class: 'row' },
            ...mine.map((m) =>
              m.type === 'implement' || m.type === 'delay' || m.type === 'defect' || m.type === 'verify'
                ? button(w.agreementButton[m.type](a.id), () => send(m), { 'aria-describedby': described, 'data-focus': `${m.type}-${a.id}` })
                : '',
            ),
          ),
        );
      }
      const done = legal.find((m) => m.type === 'done');
      if (done) section.append(el('div', { class: 'row' }, button(w.doneImplementing, () => send(done), { class: 'primary', 'data-focus': 'done' })));
      break;
    }
    default:
      section.append(el('p', {}, w.nothingToDo));
  }
  return section;
}

export function renderTable(root: HTMLElement): void {
  const s = store.session!;
  const { scenario } = s;
  const w = words().table;
  const lang = store.language;
  // What the table shows is the engine's view of the seat on screen: the other side's secret defection and its
  // statement still sealed (with their effects on the meters) are not on it; the moves offered are that seat's.
  const seat = store.table();
  const view = seat.view;
  const viewer = s.viewer;
  // The seat on screen moves when the engine asks it to and a person sits there (hot-seat: the hand-off follows).
  const me = store.humanToAct() === viewer ? viewer : null;
  const ledger = allLedger(view);
  const news = allNews(view);
  const proposal = view.proposal;
  const reason = store.visibleReason();
  root.append(
    el('h1', { class: 'sr-only' }, w.srHeading(textOf(scenario.title, lang))),
    el(
      'section',
      { 'aria-labelledby': 'status-h' },
      el('h2', { id: 'status-h' }, w.status(view.turn, scenario.turns, phaseName(view.phase, lang))),
      el('p', {}, `${w.youAre(sideLabel(scenario, viewer, lang))} ${me ? w.yourMoveNow : w.otherMoving}`),
      el('p', { class: 'score' }, scoreSoFarWords(seat.score, lang)),
      proposal && !(me && view.phase === 'responses')
        ? el('p', {}, w.onTable(describeMove(scenario, { type: proposal.isCounter ? 'counter' : 'propose', side: proposal.by, give: proposal.give, ask: proposal.ask, format: proposal.format }, lang)))
        : null,
      reason ? el('p', { class: 'reason' }, w.said(sideLabel(scenario, reason.side, lang), reasonWords(scenario, reason.reason, lang))) : null,
      ...dangers(view, viewer).map((text) => el('p', { class: 'refused danger' }, text)),
    ),
    actions(scenario, seat, me),
    el(
      'section',
      { 'aria-labelledby': 'meters-h' },
      el('h2', { id: 'meters-h' }, w.meters),
      el('ul', { class: 'meters' }, ...meterRows(scenario, view).map((r) => el('li', {}, `${r.label}: ${r.value}`))),
      button(ledgerOpen ? w.closeLedger : w.openLedger, () => ((ledgerOpen = !ledgerOpen), store.refresh()), { 'aria-expanded': String(ledgerOpen), 'data-focus': 'ledger' }),
      ledgerOpen
        ? el(
            'ol',
            { class: 'ledger', 'aria-label': w.ledgerLabel },
            ...ledger
              .slice(-60)
              .reverse()
              .map((e) => el('li', {}, w.ledgerLine(e.turn, meterName(scenario, e.meter, lang), signed(e.delta), e.value, `${causeWords(scenario, e.cause, lang)}${e.cite ? `; ${e.cite}` : ''}`))),
          )
        : null,
    ),
    el(
      'section',
      { 'aria-labelledby': 'tracks-h' },
      el('h2', { id: 'tracks-h' }, w.tracks),
      el(
        'ul',
        {},
        ...seat.tracks.map((t) =>
          el('li', {}, `${w.trackLine(trackLabel(scenario, t.track, lang), stageLabel(scenario, t.track, t.stage, lang))}${t.next ? w.trackNext(stageLabel(scenario, t.track, t.next.to, lang), words().trackEvents[t.next.on]) : ''}`),
        ),
      ),
    ),
    scenario.channels.length
      ? el(
          'section',
          { 'aria-labelledby': 'channels-h' },
          el('h2', { id: 'channels-h' }, w.channels),
          el(
            'ul',
            {},
            ...scenario.channels.map((c) => {
              const ch = view.channels[c.id];
              const asked = ch.requested.map((side) => (side === viewer ? w.you : sideLabel(scenario, side, lang)));
              const status = ch.open ? w.channelOpen : asked.length ? w.channelAsked(asked.join(w.and)) : w.channelClosed;
              return el('li', {}, `${textOf(c.name, lang)}: ${status}`);
            }),
          ),
        )
      : '',
    el(
      'section',
      { 'aria-labelledby': 'agreements-h' },
      el('h2', { id: 'agreements-h' }, w.agreements),
      view.agreements.length
        ? el('ul', {}, ...view.agreements.map((a) => el('li', {}, `${agreementName(scenario, a.id, a.tracks, lang)}: ${words().agreementStatus[a.status]}`)))
        : el('p', {}, w.noneSigned),
    ),
    el(
      'section',
      { 'aria-labelledby': 'news-h' },
      el('h2', { id: 'news-h' }, w.news),
      news.length
        ? el(
            'ul',
            {},
            ...news
              .slice(-5)
              .reverse()
              .map((n) => {
                const text = newsWords(scenario, n, lang);
                return el('li', {}, w.newsLine(n.turn, text.title, text.text, n.cite.join(', ')));
              }),
          )
        : el('p', {}, w.noNews),
    ),
    el('details', {}, el('summary', { 'data-focus': 'brief' }, w.yourBrief), briefSection(scenario, viewer, 'h3', lang)),
    el('div', { class: 'row' }, button(w.leave, () => store.quit(), { 'data-focus': 'leave' })),
  );
}

