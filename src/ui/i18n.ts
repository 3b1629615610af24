// Every word the interface says, in English here and in Russian in ./i18n-ru.ts (loaded only when chosen).
// Scenario texts come from the scenario in the same language (textOf(text, lang)); the engine's ledger causes are said
// again from `causes` (labels.ts causeWords), the computer's reasons for its moves from `reasons` (reasonWords).
import { possessive, type Language, type Phase, type Tone, type Format, type TrackEventType, type AgreementStatus, type RefusalReason } from '../engine';

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'ru'];
/** Each language's name in itself, for the switch on the title screen. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

const LANGUAGE_KEY = 'reset.language';

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

const en = {
  page: {
    title: 'Reset — a negotiation game',
    panel: 'Reset game controls',
    live: 'Game announcements',
    loading: 'Loading…',
    loadingPercent: (p: number) => `Loading ${p} %`,
    brand: 'RESET',
    /** Under the logo before a scenario is chosen. */
    tagline: 'A negotiation game',
    /** Under the logo once a scenario is chosen (on the title screen, at the briefing): its two sides and its year. */
    caption: (first: string, second: string, year: number) => `${first} · ${second} · ${year}`,
    handoffCaption: 'Hand-off: confidential information hidden',
    backToTitle: 'Back to the title',
    sound: 'Sound',
    mute: 'Mute',
    volume: 'Volume',
    couldNotLoadUrl: (url: string, why: string) => `Could not load the scenario at ${url}: ${why}`,
    savedWithProblems: (file: string) => `${file} was saved with problems; the game goes on with the previous version.`,
    reloadedGoesOn: (file: string) => `${file} reloaded; the game goes on.`,
    reloadedRestarts: (file: string, why: string) => `${file} reloaded; the game restarts because ${why}.`,
    computerStuck: (why: string) => `The computer could not make its move (${why}). Your game is saved; reload the page to resume.`,
  },
  announce: {
    reason: (r: string) => `Reason: ${r}`,
    meter: (meter: string, delta: string, value: number, cause: string) => `${meter} ${delta} to ${value} (${cause}).`,
    more: (n: number) => `and ${n} more changes in the ledger.`,
    news: (title: string, cite: string) => `News: ${title} (${cite}).`,
    over: 'The game is over.',
    handOver: (side: string) => `Hand over to ${side}.`,
  },
  phases: {
    briefing: 'Briefing',
    statements: 'Public statements',
    proposals: 'Proposals',
    responses: 'Responses',
    implementation: 'Implementation',
    resolution: 'Resolution',
    ended: 'Game over',
  } as Record<Phase, string>,
  tones: { conciliatory: 'conciliatory', neutral: 'neutral', hostile: 'hostile' } as Record<Tone, string>,
  refusalReasons: { 'red-line': 'it crosses a red line', 'not-enough': 'it gives too little for what it asks', 'not-now': 'not now' } as Record<RefusalReason, string>,
  formats: { bilateral: 'bilateral', multilateral: 'multilateral' } as Record<Format, string>,
  trackEvents: {
    TALKS: 'talks',
    SIGN: 'sign',
    IMPLEMENT: 'implement',
    VERIFY: 'verify',
    DELAY: 'delay',
    DEFECT: 'defect',
    STALL: 'stall',
    SHOCK: 'shock',
  } as Record<TrackEventType, string>,
  agreementStatus: { signed: 'signed', implemented: 'implemented', verified: 'verified', broken: 'broken' } as Record<AgreementStatus, string>,
  meters: {
    trust: (side: string, other: string) => `${possessive(side)} trust in ${other}`,
    support: (side: string) => `${side} domestic support`,
    hawks: (side: string) => `${side} hawks`,
    allies: (name: string) => `${name} confidence`,
    escalation: 'Escalation risk',
  },
  moves: {
    nothing: 'nothing',
    statement: (who: string, tone: string) => `${who} made a ${tone} statement.`,
    openChannel: (who: string, channel: string) => `${who} asked to open ${channel}.`,
    propose: (who: string, format: string, gives: string, asks: string) => `${who} proposed a ${format} package: gives ${gives}; asks ${asks}.`,
    counter: (who: string, gives: string, asks: string) => `${who} countered: gives ${gives}; asks ${asks}.`,
    pass: (who: string) => `${who} passed: no proposal this turn.`,
    accept: (who: string) => `${who} accepted the package.`,
    reject: (who: string) => `${who} rejected the package.`,
    rejectBecause: (who: string, why: string) => `${who} rejected the package: ${why}.`,
    declared: (who: string, card: string) => `${who} declared "${card}" a red line.`,
    implement: (who: string, id: string) => `${who} chose to implement agreement ${id}.`,
    delay: (who: string, id: string) => `${who} chose to delay agreement ${id}.`,
    defect: (who: string, id: string) => `${who} chose to defect agreement ${id}.`,
    verify: (who: string, id: string) => `${who} chose to verify agreement ${id}.`,
    done: (who: string) => `${who} finished the implementation phase.`,
  },
  title: {
    heading: 'Reset',
    lede: 'A negotiation game between two sides. Choose a scenario and a side, then build trust, trade concessions across the negotiation tracks, keep your public and your allies on side — and keep escalation down.',
    language: 'Language',
    savedHeading: 'Saved game',
    savedSome: 'A game in progress is saved in this browser.',
    resume: 'Resume saved game',
    lastHeading: 'Your last game',
    lastOver: (title: string, against: string) => `${title}, ${against}: the game is over.`,
    viewDebrief: 'View the last debrief',
    inProgress: (title: string, against: string, turn: number, turns: number) => `${title}, ${against}: turn ${turn} of ${turns}.`,
    againstHotseat: 'two players at this screen',
    againstComputer: (side: string) => `${side} against the computer`,
    newGameHeading: 'New game',
    scenario: 'Scenario',
    customFile: 'custom file',
    loadFile: 'Or load a scenario file (YAML or JSON; you can also drop it on the page)',
    hasProblems: (file: string) => `${file} has problems`,
    yourSide: 'Your side',
    length: 'Length',
    fullLength: (turns: number) => `Full game: ${turns} turns`,
    classLength: (turns: number) => `Class length: ${turns} turns and a short summary, for one 50-minute lesson with its debrief`,
    opponent: 'Opponent',
    computer: 'The computer',
    hotseat: 'A second player at this screen (hot-seat)',
    difficulty: 'Computer difficulty',
    difficulties: { easy: 'Easy', normal: 'Normal', hard: 'Hard' } as Record<'easy' | 'normal' | 'hard', string>,
    /** What each level changes (its skill, never who the computer is), said under the choice. */
    difficultyHelp: {
      easy: 'Easy: trades one card for one, asks only for what it needs, and, while your words stay civil, signs a deal that costs it a little for the sake of an agreement.',
      normal: 'Normal: bargains for its share but often settles for less, and offers smaller deals when big ones are refused.',
      hard: "Hard: reads what you value, claims more from a side that signs readily or speaks with hostility, delivers second to a hardliner, and may quietly leave its part undone when it thinks you won't verify.",
    } as Record<'easy' | 'normal' | 'hard', string>,
    replaces: 'A new game replaces your saved game.',
    newGame: 'New game',
    couldNotOpen: (file: string, why: string) => `Could not open ${file}: ${why}`,
    sharedHeading: 'A turn shared with you',
    sharedText: (title: string, turn: number, side: string, computer: boolean) =>
      `${title}, from the start of turn ${turn}: the game so far is replayed exactly, then you play ${computer ? `${side} against the computer` : 'both sides, taking turns at this screen'}. Your debrief will set your ending beside the first game's.`,
    sharedPlay: (turn: number) => `Play on from turn ${turn}`,
    sharedBad: (why: string) => `This link cannot open its game: ${why}.`,
    sharedUnknown: (id: string) => `the link names the scenario "${id}", which this game does not have`,
    confirmHeading: 'Replace your saved game?',
    confirmText: (game: string) => `Your game in progress (${game}) is saved in this browser. A new game replaces it; it cannot be brought back.`,
    confirmReplace: 'Start a new game',
    confirmKeep: 'Keep my saved game',
  },
  briefing: {
    confidential: (side: string) => `Confidential brief: ${side}`,
    leaderGoal: (leader: string, capital: string, goal: number) => `Leader: ${leader}, ${capital}. Goal: a score of ${goal} by the end of the game. `,
    scoreCounts:
      'Your score counts the concessions actually carried out and how far the tracks advance, each weighed by your priorities below, plus your support at home, minus the escalation risk.',
    priorities: 'Priorities (0–10)',
    redLines: 'Red lines',
    neverGive: (card: string, why: string) => `Never give “${card}”: ${why}`,
    none: 'None.',
    onlyFirst: (me: string, them: string) => `Briefing for the ${me} player only. ${them} reads their own after the hand-off.`,
    onlyLater: (me: string, them: string) => `Briefing for the ${me} player only: ${possessive(them)} brief stays hidden.`,
    moment: (year: number) => `The moment: ${year}`,
    sources: 'Sources',
    source: (title: string, author: string, date: string, file: string) => `${title} — ${author}, ${date} (${file})`,
    ownWords: 'In their own words',
    toTable: 'Go to the table',
    handOver: (next: string) => `Hand over to ${next}`,
    hidden: (prev: string, next: string) => `${possessive(prev)} confidential brief and hand are hidden. ${prev} player: pass the keyboard to the ${next} player and look away.`,
    reopened: (next: string) => `This game for two players at one screen was reopened. Every confidential brief and hand stays hidden until the ${next} player has the screen; the other player looks away.`,
    continueAs: (next: string) => `Continue as ${next}`,
  },
  table: {
    srHeading: (title: string) => `${title} — negotiation table`,
    status: (turn: number, turns: number, phase: string) => `Turn ${turn} of ${turns}: ${phase}`,
    youAre: (side: string) => `You are ${side}.`,
    yourMoveNow: 'Your move.',
    otherMoving: 'The other side is moving.',
    onTable: (what: string) => `On the table: ${what}`,
    said: (side: string, reason: string) => `${side}: “${reason}”`,
    dangerEscalation: (value: number, max: number) => `Danger: escalation risk is ${value}. At ${max} a crisis ends the game for both sides.`,
    dangerSupport: (value: number, min: number) => `Danger: your support at home is ${value}. At ${min} you lose office and the game ends.`,
    yourMove: 'Your move',
    movesHeading: 'Moves',
    waitingFor: (side: string) => `Waiting for ${side}…`,
    makeStatement: 'Make a public statement (trust abroad against support at home).',
    statementButton: { conciliatory: 'Conciliatory statement', neutral: 'Neutral statement', hostile: 'Hostile statement' } as Record<Tone, string>,
    channelsToOpen: 'Channels to open',
    openChannel: (name: string) => `Open channel: ${name}`,
    pass: 'Pass (no proposal)',
    buildPackage: 'Build a package',
    buildCounter: 'Or build a counter-proposal',
    yourHand: 'Your hand: cards you give',
    askOf: (them: string) => `Cards you ask of ${them}`,
    optionCost: (cost: number) => `costs you ${cost} support`,
    cardCost: (track: string, cost: number) => `${track}, costs you ${cost} support`,
    redLine: ' — your red line: cannot be given',
    format: 'Format',
    bilateral: 'Bilateral',
    multilateral: 'Multilateral (a venue: costs less at home)',
    previewHeading: (them: string) => `Preview: the meters if ${them} accepts`,
    cannotSend: (why: string) => `Cannot be sent: ${why}`,
    effectIfSigned: 'Effect on the meters if signed',
    noMeterChange: 'No meter would change.',
    scoreOnSigning: (score: string, worth: string) => `Your score on signing: ${score}. What is given and received is worth ${worth} to you once both sides carry it out.`,
    scoreSoFar: (score: string, goal: number) => `Your score so far: ${score} (your goal: ${goal}).`,
    cannotPropose: (why: string) => `You cannot propose: ${why}`,
    theySpoke: (them: string) => `${them} has made its statement; you will read it once you have spoken.`,
    chooseCards: 'Choose cards to give and to ask for; the likely effect on every meter appears here.',
    sendProposal: 'Send proposal',
    notInPackage: 'Not in the package',
    sendCounter: 'Send counter-proposal',
    proposalOf: (from: string, counter: boolean) => `${possessive(from)} ${counter ? 'counter-proposal' : 'proposal'}`,
    packageOf: (from: string) => `${possessive(from)} package`,
    youGet: (cards: string) => `You would get: ${cards}`,
    youGive: (cards: string) => `You would give: ${cards}`,
    formatIs: (format: string) => `Format: ${format}`,
    cannotAccept: (why: string) => `You cannot accept: ${why}.`,
    ifAccept: 'If you accept',
    effectIfAccept: 'Effect on the meters if you accept',
    noChanges: 'No meter changes.',
    accept: 'Accept the package',
    reject: 'Reject the package',
    rejectBecause: (why: string) => `Reject: ${why}`,
    declareRedLine: 'Declare a red line with your statement (optional)',
    noDeclaration: 'No red line',
    implementationHelp:
      'Implement: carry out your side of the agreement. Delay: put it off (costs trust; delay too often and the agreement breaks). Defect: secretly do not carry it out — if the other side verifies, trust collapses. Verify: check that the other side really carried out its part.',
    agreement: (name: string) => `Agreement ${name}`,
    parts: (mine: string, them: string, theirs: string) => `Your part: ${mine}. ${possessive(them)} part: ${theirs}.`,
    agreementButton: {
      implement: (id: string) => `Implement ${id}`,
      delay: (id: string) => `Delay ${id}`,
      defect: (id: string) => `Defect ${id}`,
      verify: (id: string) => `Verify ${id}`,
    },
    doneImplementing: 'Done with implementation',
    nothingToDo: 'Nothing to do.',
    obligation: {
      delayed: (n: number) => `, delayed ${times(n)}`,
      delayedThisTurn: 'delayed this turn',
      notYet: 'not yet carried out',
      caught: 'caught defecting',
      secretlyNot: 'secretly not carried out',
      verified: 'carried out and verified',
      unverified: 'carried out, not verified',
    },
    meters: 'Meters',
    openLedger: 'Open ledger',
    closeLedger: 'Close ledger',
    ledgerLabel: 'Ledger of meter changes',
    ledgerLine: (turn: number, meter: string, delta: string, value: number, cause: string) => `Turn ${turn}: ${meter} ${delta} → ${value} (${cause})`,
    tracks: 'Tracks',
    trackLine: (name: string, stage: string) => `${name}: ${stage}`,
    trackNext: (next: string, on: string) => `. Next: ${next} (${on})`,
    channels: 'Channels',
    you: 'you',
    and: ' and ',
    channelOpen: 'open (calms escalation each turn)',
    channelAsked: (who: string) => `closed; ${who} asked to open it — it opens when both sides reach out`,
    channelClosed: 'closed',
    agreements: 'Agreements',
    noneSigned: 'None signed yet.',
    news: 'News',
    newsLine: (turn: number, title: string, text: string, cite: string) => `Turn ${turn}: ${title}. ${text} (${cite})`,
    noNews: 'No news yet.',
    yourBrief: 'Your confidential brief',
    leave: 'Leave the table (the game is saved)',
  },
  canvas: {
    score: (score: string, goal: number) => `Your score ${score} · goal ${goal}`,
    tracks: 'Tracks',
    legendReached: 'stage reached',
    legendAhead: 'stage ahead',
    legendBreakdown: 'breakdown (left of the start)',
    legendNow: 'where it stands',
    acrossTable: (them: string) => `Across the table: what ${them} could give (drag to ask for it)`,
    yourHand: 'Your hand: what you could give (drag onto the table)',
    emptyHand: 'No cards left.',
    option: (n: number, of: number) => `option ${n} of ${of}`,
    redLine: 'your red line',
    yourPackage: 'Your package',
    yourCounter: 'Your counter-proposal',
    youGive: 'You give',
    youAsk: (them: string) => `You ask of ${them}`,
    youGet: 'You get',
    dragHint: 'Drag cards here (or click them) to build a package; its effect shows on every meter and on your score.',
    offerOf: (side: string, counter: boolean) => `${side}'s ${counter ? 'counter-proposal' : 'proposal'}`,
    agreementsHeading: 'Agreements',
    cannotSend: (why: string) => `Cannot be sent: ${why}`,
    ifSigned: (score: string, worth: string) => `If signed: your score ${score} now; worth ${worth} to you once both sides carry it out`,
    formatChip: (f: string) => `Format: ${f}`,
    clear: 'Clear',
    silent: 'Nothing said yet.',
    otherPlayer: 'The other player sits across the table.',
    trustIn: (other: string) => `Trust in ${other}`,
    support: 'Domestic support',
    hawks: 'Hawks (higher is harder)',
    allies: (name: string) => `${name}: confidence`,
    escalation: 'Escalation risk (higher is worse)',
    now: (stage: string) => `Now: ${stage}`,
    next: (stage: string, on: string) => `next: ${stage} ← ${on}`,
    bothTrust: (n: number) => `, both trust ≥ ${n}`,
    noFurther: 'no further stage',
    turnLine: (turn: number, turns: number, phase: string) => `Turn ${turn}/${turns} · ${phase} · `,
    toMove: (side: string) => `${side} to move`,
    waiting: 'Waiting…',
    lastAnswer: (turn: number, side: string, answer: 'accept' | 'reject' | 'counter', reason?: string) =>
      `Last answer (turn ${turn}): ${side} ${answer === 'counter' ? 'countered' : `${answer}ed`}${reason ? `: ${reason}` : ''}.`,
    agreements: (list: string) => `Agreements: ${list}`,
    noPackage: 'No package on the table.',
    news: 'News',
    noNews: 'No news yet.',
    newsTurn: (turn: number) => `T${turn}`,
    more: (n: number) => ` (+${n} more)`,
    chips: { conciliatory: 'conciliatory', neutral: 'neutral', hostile: 'hostile' } as Record<Tone, string>,
  },
  save: {
    damaged: 'The saved game could not be read (it is damaged). A fresh start is ready.',
    otherFormat: (saved: number, reads: number) => `The saved game is from another version of Reset (save format ${saved}, this game reads ${reads}). A fresh start is ready.`,
    otherRules: (saved: number, plays: number) =>
      `The saved game was played under other rules (rules version ${saved}; this version of Reset plays rules ${plays}), so its moves would not make the same game. A fresh start is ready.`,
    noScenario: (file: string) => `The saved game's scenario no longer loads (${file}). A fresh start is ready.`,
    noReplay: (why: string) => `The saved game could not be replayed (${why}). A fresh start is ready.`,
  },
  debrief: {
    heading: (title: string) => `Debrief: ${title}`,
    print: 'Print the debrief',
    json: 'Download game log (JSON)',
    csv: 'Download game log (CSV)',
    printExport: 'Print and export',
    notEnded: 'The game has not ended.',
    endTurns: (turn: number) => `The talks ran their full course: the game ended after turn ${turn}.`,
    endEscalation: (turn: number) => `Escalation got out of hand: the crisis ended the game in turn ${turn}.`,
    endOffice: (side: string | null, turn: number) => `${side ?? 'A leader'} lost office in turn ${turn}: domestic support collapsed.`,
    player: 'player',
    you: 'you',
    computer: 'computer',
    who: (side: string, role: string) => `${side} (${role})`,
    succeeded: 'Succeeded',
    fellShort: 'Fell short',
    lostOffice: 'Lost office',
    outcome: 'Outcome',
    scoresCaption: 'Scores by side (each side scores by its own priorities)',
    scoreHead: ['Side', 'Score', 'Goal', 'Result', 'Deals', 'Progress', 'Support', 'Escalation', 'Penalty'],
    scoreParts: [
      'How a score adds up: Deals is what the concessions actually carried out gave and cost this side, weighed by its own priorities; ',
      'Progress is where the tracks stand, weighed the same way; Support is the change in support at home since the start (a point for every 5); ',
      'Escalation takes off a tenth of the final escalation risk; Penalty is −20 for losing office or for a crisis that ends the game. ',
      'A side succeeds when its score reaches its goal, unless it lost office or a crisis ended the game.',
    ],
    joint: (n: number) => `Joint score: ${n}. Negotiation is not zero-sum: both sides can gain together. `,
    counts: (signed: number, implemented: number, verified: number, broken: number) =>
      `Agreements signed: ${signed}; implemented: ${implemented}; verified: ${verified}; broken: ${broken}.`,
    status: {
      signed: 'Signed, not yet carried out',
      implemented: 'Implemented',
      verified: 'Implemented and verified',
      broken: 'Broken',
      pending: 'Not yet carried out',
      defected: 'Defected',
    } as Record<string, string>,
    delayedTimes: (n: number) => `, delayed ${n}×`,
    owedNothing: 'Owed nothing',
    agreementsHeading: 'Agreements and their fate',
    everyAgreement: 'Every signed agreement',
    agreementHead: (first: string, second: string) => ['Agreement', 'Signed in turn', 'Tracks', `${first} gave`, `${second} gave`, 'Fate', `${first} kept it?`, `${second} kept it?`],
    agreementName: (id: string, format: string, proposer: string) => `${id} (${format}, proposed by ${proposer})`,
    noAgreement: 'No agreement was signed.',
    history: 'What actually happened',
    byTrackHeading: 'Track by track',
    byTrackCaption: 'Where each track ended: this game and history',
    byTrackHead: ['Track', 'This game', 'History', 'This game against history', 'Source'],
    compared: { further: 'Further than history', same: 'Where history left it', short: 'Short of history' } as Record<'further' | 'same' | 'short', string>,
    /** "This game went further than history on Iran, stopped where history did on …, and fell short of it on …." */
    historySentence: {
      list: (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`),
      further: (tracks: string) => `went further than history on ${tracks}`,
      same: (tracks: string) => `stopped where history did on ${tracks}`,
      short: (tracks: string) => `fell short of history on ${tracks}`,
      whole: (parts: string[]) => `This game ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}.`,
    },
    /** How the game as a whole differed from history: one sentence, by how it ended and what it carried out. */
    gameAgainstHistory: {
      crisis: (turn: number) =>
        `Unlike history, this game ended in a crisis: escalation reached 100 in turn ${turn}. In history the two sides, however far apart, kept talking through the period; no crisis ended their negotiations.`,
      office: (side: string, turn: number) => `Unlike history, ${side} lost office in turn ${turn} when support at home collapsed; in history no leader fell over these talks.`,
      cooperative: (n: number) => `This game was a cooperative one: ${n === 1 ? 'one agreement was' : `${n} agreements were`} carried out, by both sides or one.`,
      stalled: 'This game ran its course without a crisis, but nothing agreed was carried out.',
      historyDeal: (cards: string, matched: string) => (matched ? ` Of what history agreed (${cards}), this game carried out ${matched}.` : ` History agreed ${cards}; this game carried out none of it.`),
    },
    metersHeading: 'Meters over the turns',
    turningPoints: 'Turning points',
    turnLabel: (turn: number) => `Turn ${turn}: `,
    noTurningPoints: 'No single change of 8 points or more: the game moved gradually.',
    believedHeading: (side: string) => `What the computer believed ${side} wanted`,
    believedCaption: (side: string) => `The computer's estimate of ${possessive(side)} priorities beside the real ones (0–10)`,
    believedHead: ['Track', 'Computer believed', 'Real priority', 'Difference'],
    /** The deal carried out against the best packages the scenario allowed (src/ai/analysis.ts values them). */
    deal: {
      heading: 'The deal against the best packages',
      valued: (worth: string[], standing: string) =>
        'Valued as one package signed, carried out and verified from the start — its concessions by each side’s own priorities, ' +
        'the progress it makes on the tracks, what it costs and wins at home, and escalation — ' +
        `the concessions carried out are worth ${worth.join(' and ')}. ${standing}`,
      worth: (n: string, side: string) => `${n} to ${side}`,
      onFrontier: 'It is on the Pareto frontier: no package was better for one side without being worse for the other.',
      missed: (distance: string, gain: string) =>
        `It is ${distance} from the Pareto frontier; a package better for both sides (at least +${gain} each) was on the table.`,
      noneBetter: (distance: string) => `It is ${distance} from the Pareto frontier, but no package was better for both sides.`,
      caption: 'The deal carried out beside the bargaining solutions (worth to each side)',
      head: (sides: string[]) => ['Package', ...sides, 'What it holds'],
      carriedOut: 'Carried out',
      nash: 'Nash bargaining',
      kalaiSmorodinsky: 'Kalai–Smorodinsky',
      betterForBoth: 'Better for both',
      noGain: 'no package gains both sides',
      noDeal: 'no deal',
      gives: (side: string, cards: string[]) => `${side} gives ${cards.join('; ') || 'nothing'}`,
      multilateral: ' (multilateral)',
    },
    /** What each side really wanted, revealed once the game is over, beside what the offers assumed. */
    wanted: {
      heading: 'What each side really wanted',
      intro:
        'The game is over, so both briefs can be opened. Offers show what a player assumed: you offer a side something on a track you think it cares about.',
      caption: 'Each side’s real priorities (0–10) beside the cards each side offered the other on that track',
      head: (first: string, second: string) => ['Track', `${possessive(first)} priority`, `${possessive(second)} priority`, `Cards ${first} offered`, `Cards ${second} offered`],
      redLinesHeading: 'Red lines',
      redLine: (side: string, card: string, why: string) => `${side} would never give ${card}: ${why}`,
      askedFor: (by: string, n: number) => (n === 0 ? ` Never asked for by ${by}.` : ` ${by} asked for it ${n === 1 ? 'once' : `${n} times`}.`),
      noRedLines: (side: string) => `${side} had no red line.`,
      briefOf: (side: string) => `${possessive(side)} brief`,
      aimed: (side: string, offered: string, other: string, top: string) => `${side} offered most on ${offered}; ${other} cared most about ${top}.`,
      offeredNothing: (side: string, other: string, top: string) => `${side} offered nothing; ${other} cared most about ${top}.`,
    },
    /** The packages both sides would have preferred to the deal carried out, in sentences. */
    missedDeals: {
      heading: 'Deals both sides would have preferred',
      sentence: (terms: string, gains: string) => `${terms} would have given ${gains}, beyond the deal carried out.`,
      gives: (side: string, cards: string) => `${side} also giving ${cards}`,
      keeps: (side: string, cards: string) => `${side} keeping ${cards}`,
      instead: (side: string, card: string, was: string) => `${side} giving ${card} instead of ${was}`,
      terms: (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`),
      gain: (n: string, side: string) => `${side} ${n}`,
      none: 'No package would have been better for both sides than the deal carried out: to gain more, one side had to give something up.',
      noneBetter: 'None existed.',
      plot: 'Every package by its worth to each side: the frontier, the Nash point and this game',
      plotDesc: (first: string, second: string, game: string, nash: string, distance: string) =>
        `Across: worth to ${first}; up: worth to ${second}. This game’s deal is at ${game}; the Nash point at ${nash}; the deal is ${distance} from the Pareto frontier.`,
      legendCloud: 'a package of one or two cards',
      legendFrontier: 'Pareto frontier',
      legendNash: 'Nash point',
      legendGame: 'this game',
      legendNoDeal: 'no deal',
      noNash: 'none',
    },
    /** Play it again from any turn, and the two endings side by side. */
    branch: {
      heading: 'Play it again from any turn',
      intro: 'Pick a turn on the timeline: the game is replayed exactly up to the start of that turn, and you play on from there. Its debrief then sets the two endings side by side.',
      pick: 'Turn to play on from',
      option: (turn: number) => (turn === 1 ? 'Turn 1 (the start)' : `Turn ${turn}`),
      play: (turn: number) => `Play on from turn ${turn}`,
      link: 'Link for a class',
      linkHelp: 'Anyone who opens this link, or the file on the title screen (Load a scenario file), starts at the same turn with the same players; their debrief compares their ending with this game’s.',
      file: (turn: number) => `Download turn ${turn} as a file`,
      copy: 'Copy the link',
      copied: 'Link copied.',
      customOnly: 'Links open the built-in scenarios only; a custom file is played again on this computer.',
      endingsHeading: 'Two endings, side by side',
      endingsIntro: (turn: number) => `Both games were the same until turn ${turn}; from there they went their own ways.`,
      endingsCaption: (turn: number) => `The first game and this branch from turn ${turn}`,
      endingsHead: (turn: number) => ['', 'The first game', `This branch (from turn ${turn})`],
      ended: 'How it ended',
      score: (side: string) => `${possessive(side)} score (goal)`,
      scoreCell: (score: number, goal: number, result: string) => `${score} (${goal}): ${result}`,
      joint: 'Joint score',
      agreements: 'Agreements signed / carried out / broken',
      agreementsCell: (signed: number, implemented: number, broken: number) => `${signed} / ${implemented} / ${broken}`,
      escalation: 'Escalation risk at the end',
      track: (name: string) => `Track: ${name}`,
      differ: (n: number, total: number) => (n === 0 ? 'Every track ended where it did in the first game.' : `${n} of ${total} tracks ended somewhere else than in the first game.`),
    },
    ledgerHeading: 'The ledger: every meter change and its cause',
    ledgerNote: 'Open the ledger before printing to include it in the print-out.',
    showLedger: (changes: number, turns: number) => `Show the ledger: ${changes} changes over ${turns} turns`,
    start: 'Start',
    turn: (turn: number) => `Turn ${turn}`,
    changesIn: (turn: number) => `Meter changes in ${turn === 0 ? 'the start' : `turn ${turn}`}`,
    ledgerHead: ['Meter', 'Change', 'Now', 'Cause', 'Source'],
    charts: {
      trust: 'Trust in the other side',
      support: 'Domestic support',
      hawks: "Hawks' influence",
      allies: "Allies' and partners' confidence",
      escalation: 'Escalation risk',
    },
    meter: {
      trust: (side: string, other: string) => `${possessive(side)} trust in ${other}`,
      support: (side: string) => `Domestic support, ${side}`,
      hawks: (side: string) => `Hawks' influence, ${side}`,
      allies: (name: string) => `${name}: confidence`,
      escalation: 'Escalation risk',
    },
    axisTurn: 'Turn',
    went: (label: string, first: number | undefined, last: number | undefined, turn: number) => `${label} went from ${first} at the start to ${last} after turn ${turn}`,
    dashed: '. Dashed vertical lines mark turning points.',
    byTurn: (title: string) => `${title}, turn by turn`,
    figures: (title: string) => `Figures: ${title}`,
  },
  /**
   * The engine's ledger causes said again in this language, each an English sentence the engine writes (moves.ts,
   * game.ts, escalation.ts) and how to say it; `name` gives a scenario's name or title in the language. English needs
   * none: the causes are English as written. See causeWords (labels.ts).
   */
  causes: [] as CauseSaying[],
  /**
   * The computer's reasons for its moves said again in this language, in the same way: each an English sentence or
   * part of one the agent writes (src/ai/agent.ts). English needs none. See reasonWords (labels.ts).
   */
  reasons: [] as CauseSaying[],
};

/**
 * One of the engine's cause sentences, or of the computer's reasons (its parts in named groups), and how a language
 * says it; a saying that returns undefined does not know the sentence after all, and the next is tried.
 */
export type CauseSaying = [RegExp, (parts: Record<string, string>, name: (english: string) => string, again: (cause: string) => string) => string | undefined];

export type Words = typeof en;

/** Dictionaries loaded so far (English is always there; Russian comes with its first use). */
const loaded = new Map<Language, Words>([['en', en]]);

/** The words of a language; English until that language has been loaded (loadLanguage). */
export function wordsFor(lang: Language = 'en'): Words {
  return loaded.get(lang) ?? en;
}

/** Fetch a language's dictionary once; the title screen waits for it before switching. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  if (lang === 'ru') loaded.set('ru', (await import('./i18n-ru')).ru);
}

/** The language this browser chose last (on the title screen), English if none. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return LANGUAGES.includes(value as Language) ? (value as Language) : 'en';
  } catch {
    return 'en';
  }
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** The form of a noun for a count: English one/other, Russian one/few/many (1 ход, 2 хода, 5 ходов). */
export function plural(lang: Language, n: number, forms: { one: string; few?: string; many?: string; other: string }): string {
  const rule = new Intl.PluralRules(lang).select(n);
  return (rule === 'one' ? forms.one : rule === 'few' ? forms.few : rule === 'many' ? forms.many : undefined) ?? forms.other;
}
