// The interface in Russian: the same keys as the English dictionary in ./i18n.ts (the type checker holds them
// together). Side names stay in the nominative (they come from the scenario), so sentences put them before a
// colon or an arrow rather than decline them.
import type { Words } from './i18n';
import { plural } from './i18n';

const raz = (n: number) => (n === 1 ? 'один раз' : `${n} ${plural('ru', n, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}`);
const turns = (n: number) => `${n} ${plural('ru', n, { one: 'ход', few: 'хода', many: 'ходов', other: 'хода' })}`;
const changes = (n: number) => `${n} ${plural('ru', n, { one: 'изменение', few: 'изменения', many: 'изменений', other: 'изменения' })}`;

/** A statement's tone as the ledger names it (neuter, agreeing with заявление). */
const TONES: Record<string, string> = { conciliatory: 'примирительное', neutral: 'нейтральное', hostile: 'враждебное' };
/** How an agreement was broken, as the ledger says it. */
const BROKEN: Record<string, string> = {
  'kept delaying it': 'слишком много отсрочек',
  'was caught by verification': 'нарушение выявила проверка',
  'was exposed by intelligence reports': 'нарушение раскрыла разведка',
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------- the computer's reasons (see `reasons` below)

type Name = (english: string) => string;

/** A scenario's name or title in the language, or undefined when it has none (name gives the English back). */
const known = (n: Name, english: string): string | undefined => {
  const said = n(english);
  return said === english ? undefined : said;
};

/** A title in quotation marks; quotation marks inside it become „…“, as Russian nests them. */
const q = (s: string) => `«${s.replace(/«/g, '„').replace(/»/g, '“')}»`;

/** End a sentence with one full stop. */
const stop = (s: string) => `${s.replace(/[.\s]+$/, '')}.`;

/** Items as a Russian list: «А», «А и Б», «А, Б и В». */
const andList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`);

/**
 * An English list as the agent writes it ("X", "X and Y", "X, Y and Z") split into its items, each said by `item`:
 * the first split whose every item `item` knows, for an item may hold a comma or an "and" itself (a track named
 * "Trade, technology and investment"). Undefined when there is none.
 */
function listOf<T>(s: string, item: (english: string) => T | undefined): T[] | undefined {
  const one = item(s);
  if (one !== undefined) return [one];
  for (let i = s.indexOf(' and '); i >= 0; i = s.indexOf(' and ', i + 1)) {
    const last = item(s.slice(i + 5));
    if (last === undefined) continue;
    const head = commaList(s.slice(0, i), item);
    if (head) return [...head, last];
  }
  return undefined;
}
/** `s` split on every `sep` into items that `item` all knows (the first such split), each said by `item`. */
function splitOn<T>(s: string, sep: string, item: (english: string) => T | undefined): T[] | undefined {
  const one = item(s);
  if (one !== undefined) return [one];
  for (let i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, i + 1)) {
    const first = item(s.slice(0, i));
    if (first === undefined) continue;
    const rest = splitOn(s.slice(i + sep.length), sep, item);
    if (rest) return [first, ...rest];
  }
  return undefined;
}
/** The tracks a trade crosses, as the agent joins them ("A and B and C"). */
const andsOf = <T>(s: string, item: (english: string) => T | undefined) => splitOn(s, ' and ', item);
const commaList = <T>(s: string, item: (english: string) => T | undefined) => splitOn(s, ', ', item);

/** Quoted card titles ("A", "B" and "C") in Russian; a title the scenario has no Russian for stays in its quotes. */
function titles(s: string, n: Name): { said: string; many: boolean } | undefined {
  // Titles the scenario knows first (a title may hold quotation marks: "Stop making the Patriots "exhibit A""), then any.
  const items =
    listOf(s, (t) => {
      const m = /^"(.+)"$/.exec(t);
      return m ? known(n, m[1]) : undefined;
    }) ??
    listOf(s, (t) => {
      const m = /^"([^"]+)"$/.exec(t);
      return m ? n(m[1]) : undefined;
    });
  return items && { said: andList(items.map(q)), many: items.length > 1 };
}

/** One quoted title, in Russian quotation marks. */
const title = (s: string, n: Name): string => q(n(s));

/** A title in the English quotation marks of a list's item, when the item is one title (not "A" and "B"). */
const oneTitle = (inside: string, n: Name): string | undefined => (known(n, inside) !== undefined || !inside.includes('"') ? title(inside, n) : undefined);

/** A track named in a reason, in quotation marks. */
const track = (s: string, n: Name): string | undefined => {
  const said = known(n, s);
  return said === undefined ? undefined : q(said);
};

/**
 * One term of a package's worth as the agent names it (agent.ts appraise): said so that the accusative is the
 * nominative (after «за», «получает»), with whether it takes a plural verb.
 */
function part(s: string, n: Name): { said: string; many: boolean } | undefined {
  const quoted = /^"(.+)"$/.exec(s);
  const said = quoted && oneTitle(quoted[1], n);
  if (said) return { said, many: false };
  const lower = s.charAt(0).toLowerCase() + s.slice(1);
  let m: RegExpExecArray | null;
  if ((m = /^the price at home of "(.+)"$/.exec(lower))) {
    const t = oneTitle(m[1], n);
    return t === undefined ? undefined : { said: `внутриполитические издержки уступки ${t}`, many: true };
  }
  if ((m = /^progress on (.+)$/.exec(lower))) {
    const t = track(m[1], n);
    return t === undefined ? undefined : { said: `продвижение по направлению ${t}`, many: false };
  }
  if (lower === 'the cost at home, which the government could not survive') return { said: 'внутриполитические издержки, которых правительство не пережило бы', many: true };
  if (lower === 'the multilateral format') return { said: 'многосторонний формат', many: false };
  if (/^what .+ would gain over .+ after its hostile words$/.test(lower)) return { said: 'перевес другой стороны после её враждебных заявлений', many: false };
  if (/^what .+ gains from it$/.test(lower)) return { said: 'выигрыш другой стороны от сделки', many: false };
  return undefined;
}

/** Terms of a package's worth, listed ("X and progress on Y"). */
function parts(s: string, n: Name): { said: string; many: boolean } | undefined {
  const items = listOf(s, (t) => part(t, n));
  return items && { said: andList(items.map((x) => x.said)), many: items.length > 1 || items[0].many };
}

/** Its trust in the other side, as agent.ts trustWords says it: the other side unnamed, so never declined. */
const MOODS: Record<string, string> = {
  'deeply mistrustful': 'глубоко не доверяет другой стороне',
  wary: 'относится к другой стороне настороженно',
  cautious: 'относится к другой стороне с осторожностью',
  trusting: 'доверяет другой стороне',
};
const DRIFT: Record<string, string> = { ', and warming': ' (отношения теплеют)', ', and cooling': ' (отношения охлаждаются)' };

/** The risk of confrontation as agent.ts riskWords says it, as the predicate of «риск конфронтации …». */
const RISK: Record<string, string> = { low: 'невелик', rising: 'растёт', high: 'высок', 'near the brink': 'на пределе' };
const RISKS = 'low|rising|high|near the brink';

const VENUE = ', в многостороннем формате, который снижает цену сделки внутри страны для обеих сторон';
const TRACK_COUNT: Record<number, string> = { 2: 'двум', 3: 'трём', 4: 'четырём' };

/** What it still wants, in an answer it refuses (agent.ts rejection): said without its name, which the sentence has. */
function wants(s: string, n: Name): string | undefined {
  if (/ wants something more in exchange$/.test(s)) return 'взамен нужно больше';
  let m = / wants more on (.+) than this$/.exec(s);
  if (m) {
    const t = track(m[1], n);
    return t && `по направлению ${t} нужно больше`;
  }
  m = / wants something in exchange on (.+)$/.exec(s);
  if (m) {
    const t = track(m[1], n);
    return t && `взамен нужно что-то по направлению ${t}`;
  }
  return undefined;
}

/** "Moscow will only lean on Tehran …": a side's name and its stance's words after it, split where both are known. */
function nameAndWords(s: string, n: Name): [string, string] | undefined {
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
    const who = known(n, s.slice(0, i));
    const words = who && known(n, s.slice(i + 1));
    if (who && words) return [who, words];
  }
  return undefined;
}

/** Its trust said after a clause of its own: without its name again («Москва …: глубоко не доверяет другой стороне»). */
const ownTrust = (me: string, trust: string) => (trust.startsWith(`${me} `) ? trust.slice(me.length + 1) : trust);

/** Refusal's trust clause: "; Moscow is wary of Washington, so it counts little on Washington's promises". */
const countsLittle = (trust: string | undefined, again: (s: string) => string) => (trust ? `; ${again(trust)}, поэтому мало рассчитывает на её обещания` : '');

export const ru: Words = {
  page: {
    title: 'Перезагрузка — игра о переговорах',
    panel: 'Управление игрой «Перезагрузка»',
    live: 'Сообщения игры',
    loading: 'Загрузка…',
    loadingPercent: (p) => `Загрузка ${p} %`,
    brand: 'ПЕРЕЗАГРУЗКА',
    tagline: 'Игра о переговорах',
    caption: (first, second, year) => `${first} · ${second} · ${year}`,
    handoffCaption: 'Передача хода: секретные сведения скрыты',
    backToTitle: 'На главный экран',
    sound: 'Звук',
    mute: 'Без звука',
    volume: 'Громкость',
    couldNotLoadUrl: (url, why) => `Не удалось загрузить сценарий по адресу ${url}: ${why}`,
    savedWithProblems: (file) => `Файл ${file} сохранён с ошибками; игра продолжается с прежней версией.`,
    reloadedGoesOn: (file) => `Файл ${file} перезагружен; игра продолжается.`,
    reloadedRestarts: (file, why) => `Файл ${file} перезагружен; игра начинается заново, потому что ${why}.`,
    computerStuck: (why) => `Компьютер не смог сделать ход (${why}). Игра сохранена; перезагрузите страницу, чтобы продолжить.`,
  },
  announce: {
    reason: (r) => `Причина: ${r}`,
    meter: (meter, delta, value, cause) => `${meter}: ${delta}, теперь ${value} (${cause}).`,
    more: (n) => `и ещё ${changes(n)} в журнале.`,
    news: (title, cite) => `Новости: ${title} (${cite}).`,
    over: 'Игра окончена.',
    handOver: (side) => `Передайте ход: ${side}.`,
  },
  phases: {
    briefing: 'Брифинг',
    statements: 'Публичные заявления',
    proposals: 'Предложения',
    responses: 'Ответы',
    implementation: 'Выполнение',
    resolution: 'Итоги хода',
    ended: 'Игра окончена',
  },
  tones: { conciliatory: 'примирительное', neutral: 'нейтральное', hostile: 'враждебное' },
  refusalReasons: { 'red-line': 'он пересекает красную линию', 'not-enough': 'он даёт слишком мало за то, что просит', 'not-now': 'не сейчас' },
  formats: { bilateral: 'двустороннее', multilateral: 'многостороннее' },
  trackEvents: {
    TALKS: 'переговоры',
    SIGN: 'подписание',
    IMPLEMENT: 'выполнение',
    VERIFY: 'проверка',
    DELAY: 'отсрочка',
    DEFECT: 'раскрытое нарушение',
    STALL: 'застой',
    SHOCK: 'потрясение',
  },
  agreementStatus: { signed: 'подписано', implemented: 'выполнено', verified: 'выполнено и проверено', broken: 'нарушено' },
  meters: {
    trust: (side, other) => `Доверие: ${side} → ${other}`,
    support: (side) => `${side}: поддержка внутри страны`,
    hawks: (side) => `${side}: «ястребы»`,
    allies: (name) => `${name}: уверенность`,
    escalation: 'Риск эскалации',
  },
  moves: {
    nothing: 'ничего',
    statement: (who, tone) => `${who}: ${tone} заявление.`,
    openChannel: (who, channel) => `${who}: просьба открыть канал «${channel}».`,
    propose: (who, format, gives, asks) => `${who}: ${format} предложение — даёт: ${gives}; просит: ${asks}.`,
    counter: (who, gives, asks) => `${who}: встречное предложение — даёт: ${gives}; просит: ${asks}.`,
    pass: (who) => `${who}: пас, в этом ходу без предложения.`,
    accept: (who) => `${who}: пакет принят.`,
    reject: (who) => `${who}: пакет отклонён.`,
    rejectBecause: (who, why) => `${who}: пакет отклонён — ${why}.`,
    declared: (who, card) => `${who}: «${card}» объявлено красной линией.`,
    implement: (who, id) => `${who}: решение выполнить соглашение ${id}.`,
    delay: (who, id) => `${who}: решение отложить соглашение ${id}.`,
    defect: (who, id) => `${who}: решение тайно не выполнять соглашение ${id}.`,
    verify: (who, id) => `${who}: решение проверить соглашение ${id}.`,
    done: (who) => `${who}: фаза выполнения завершена.`,
  },
  title: {
    heading: 'Перезагрузка',
    lede: 'Игра о переговорах двух сторон. Выберите сценарий и сторону, затем стройте доверие, обменивайтесь уступками по направлениям переговоров, сохраняйте поддержку своего общества и союзников — и не дайте эскалации выйти из-под контроля.',
    language: 'Язык',
    savedHeading: 'Сохранённая игра',
    savedSome: 'Незаконченная игра сохранена в этом браузере.',
    resume: 'Продолжить сохранённую игру',
    lastHeading: 'Последняя игра',
    lastOver: (title, against) => `${title}, ${against}: игра окончена.`,
    viewDebrief: 'Открыть разбор последней игры',
    inProgress: (title, against, turn, total) => `${title}, ${against}: ход ${turn} из ${total}.`,
    againstHotseat: 'два игрока за одним экраном',
    againstComputer: (side) => `${side} против компьютера`,
    newGameHeading: 'Новая игра',
    scenario: 'Сценарий',
    customFile: 'свой файл',
    loadFile: 'Или загрузите файл сценария (YAML или JSON; его можно и перетащить на страницу)',
    hasProblems: (file) => `В файле ${file} есть ошибки`,
    yourSide: 'Ваша сторона',
    length: 'Продолжительность',
    fullLength: (turns) => `Полная игра: ходов — ${turns}`,
    classLength: (turns) => `Для урока: ходов — ${turns} и короткая вводная, чтобы за 50 минут успеть сыграть и разобрать игру`,
    opponent: 'Противник',
    computer: 'Компьютер',
    hotseat: 'Второй игрок за этим же экраном',
    difficulty: 'Сложность компьютера',
    difficulties: { easy: 'Лёгкая', normal: 'Обычная', hard: 'Трудная' },
    difficultyHelp: {
      easy: 'Лёгкая: меняет карту на карту, просит только необходимое и, пока вы не переходите на враждебный тон, готова немного уступить ради соглашения.',
      normal: 'Обычная: торгуется за свою долю, но часто соглашается на меньшее, а после отказа от крупных сделок предлагает небольшие.',
      hard: 'Трудная: понимает, что для вас важно, требует больше от стороны, которая легко подписывает или говорит враждебно, с непримиримым партнёром выполняет свою часть вторым и может тайно не выполнить её, если думает, что вы не станете проверять.',
    },
    replaces: 'Новая игра заменит сохранённую.',
    newGame: 'Новая игра',
    couldNotOpen: (file, why) => `Не удалось открыть ${file}: ${why}`,
    sharedHeading: 'Ход, которым с вами поделились',
    sharedText: (title, turn, side, computer) =>
      `${title}, с начала хода ${turn}: игра до этого момента повторится в точности, а дальше вы играете ${computer ? `за сторону ${side} против компьютера` : 'за обе стороны по очереди у этого экрана'}. В разборе ваш финал встанет рядом с финалом первой партии.`,
    sharedPlay: (turn) => `Играть дальше с хода ${turn}`,
    sharedBad: (why) => `По этой ссылке игру открыть нельзя: ${why}.`,
    sharedUnknown: (id) => `в ссылке указан сценарий «${id}», которого в игре нет`,
    confirmHeading: 'Заменить сохранённую игру?',
    confirmText: (game) => `Незаконченная игра (${game}) сохранена в этом браузере. Новая игра заменит её, и вернуть её будет нельзя.`,
    confirmReplace: 'Начать новую игру',
    confirmKeep: 'Оставить сохранённую игру',
  },
  briefing: {
    confidential: (side) => `Секретная справка: ${side}`,
    leaderGoal: (leader, capital, goal) => `Руководство: ${leader}, ${capital}. Цель: ${goal} очков к концу игры. `,
    scoreCounts:
      'В очки идут уступки, которые действительно выполнены, и продвижение по направлениям — с весами ваших приоритетов ниже, а также поддержка внутри страны; риск эскалации отнимает очки.',
    priorities: 'Приоритеты (0–10)',
    redLines: 'Красные линии',
    neverGive: (card, why) => `Никогда не уступать «${card}»: ${why}`,
    none: 'Нет.',
    onlyFirst: (me, them) => `Брифинг только для игрока за сторону «${me}». Игрок за сторону «${them}» прочтёт свой после передачи хода.`,
    onlyLater: (me, them) => `Брифинг только для игрока за сторону «${me}»: справка стороны «${them}» скрыта.`,
    moment: (year) => `Момент: ${year}`,
    sources: 'Источники',
    source: (title, author, date, file) => `${title} — ${author}, ${date} (${file})`,
    ownWords: 'Их собственными словами',
    toTable: 'За стол переговоров',
    handOver: (next) => `Передайте ход: ${next}`,
    hidden: (prev, next) => `Секретная справка и карты стороны «${prev}» скрыты. Игрок за сторону «${prev}»: передайте клавиатуру игроку за сторону «${next}» и отвернитесь.`,
    reopened: (next) =>
      `Игра двух игроков за одним экраном открыта снова. Все секретные справки и карты скрыты, пока экран не у игрока за сторону «${next}»; другой игрок отворачивается.`,
    continueAs: (next) => `Продолжить за сторону «${next}»`,
  },
  table: {
    srHeading: (title) => `${title} — стол переговоров`,
    status: (turn, total, phase) => `Ход ${turn} из ${total}: ${phase}`,
    youAre: (side) => `Вы играете за сторону «${side}».`,
    yourMoveNow: 'Ваш ход.',
    otherMoving: 'Ходит другая сторона.',
    onTable: (what) => `На столе: ${what}`,
    // The reason's own quotation marks (its titles) nest inside «…» as „…“.
    said: (side, reason) => `${side}: ${q(reason)}`,
    dangerEscalation: (value, max) => `Опасность: риск эскалации ${value}. При ${max} кризис заканчивает игру для обеих сторон.`,
    dangerSupport: (value, min) => `Опасность: ваша поддержка внутри страны ${value}. При ${min} вы теряете власть, и игра заканчивается.`,
    yourMove: 'Ваш ход',
    movesHeading: 'Ходы',
    waitingFor: (side) => `Ждём ход стороны «${side}»…`,
    makeStatement: 'Сделайте публичное заявление (доверие за рубежом против поддержки дома).',
    statementButton: { conciliatory: 'Примирительное заявление', neutral: 'Нейтральное заявление', hostile: 'Враждебное заявление' },
    channelsToOpen: 'Каналы, которые можно открыть',
    openChannel: (name) => `Открыть канал: ${name}`,
    pass: 'Пас (без предложения)',
    buildPackage: 'Соберите пакет',
    buildCounter: 'Или соберите встречное предложение',
    yourHand: 'Ваши карты: что вы уступаете',
    askOf: (them) => `Что вы просите у стороны «${them}»`,
    optionCost: (cost) => `стоит вам ${cost} поддержки`,
    cardCost: (track, cost) => `${track}; стоит вам ${cost} поддержки`,
    redLine: ' — ваша красная линия: уступить нельзя',
    format: 'Формат',
    bilateral: 'Двусторонний',
    multilateral: 'Многосторонний (площадка: дома обходится дешевле)',
    previewHeading: (them) => `Прогноз: шкалы, если сторона «${them}» согласится`,
    cannotSend: (why) => `Отправить нельзя: ${why}`,
    effectIfSigned: 'Что будет со шкалами при подписании',
    noMeterChange: 'Ни одна шкала не изменится.',
    scoreOnSigning: (score, worth) => `Ваш счёт при подписании: ${score}. Когда обе стороны выполнят соглашение, уступленное и полученное принесёт вам ${worth}.`,
    scoreSoFar: (score, goal) => `Ваш счёт сейчас: ${score} (ваша цель: ${goal}).`,
    cannotPropose: (why) => `Предложить пакет нельзя: ${why}`,
    theySpoke: (them) => `Сторона «${them}» уже выступила с заявлением; вы узнаете его, когда выступите сами.`,
    chooseCards: 'Выберите, что уступить и что попросить; здесь появится вероятное изменение каждой шкалы.',
    notInPackage: 'Не входит в пакет',
    sendProposal: 'Отправить предложение',
    sendCounter: 'Отправить встречное предложение',
    proposalOf: (from, counter) => `${counter ? 'Встречное предложение' : 'Предложение'} стороны «${from}»`,
    packageOf: (from) => `Пакет стороны «${from}»`,
    youGet: (cards) => `Вы получите: ${cards}`,
    youGive: (cards) => `Вы уступите: ${cards}`,
    formatIs: (format) => `Формат: ${format}`,
    cannotAccept: (why) => `Принять нельзя: ${why}.`,
    ifAccept: 'Если вы примете',
    effectIfAccept: 'Что будет со шкалами, если вы примете',
    noChanges: 'Шкалы не изменятся.',
    accept: 'Принять пакет',
    reject: 'Отклонить пакет',
    rejectBecause: (why) => `Отклонить: ${why}`,
    declareRedLine: 'Объявить красную линию вместе с заявлением (необязательно)',
    noDeclaration: 'Без красной линии',
    implementationHelp:
      'Выполнить: выполнить свою часть соглашения. Отложить: отсрочить (стоит доверия; слишком много отсрочек — и соглашение рушится). Нарушить: тайно не выполнять — если другая сторона проверит, доверие рухнет. Проверить: убедиться, что другая сторона действительно выполнила свою часть.',
    agreement: (name) => `Соглашение ${name}`,
    parts: (mine, them, theirs) => `Ваша часть: ${mine}. Часть стороны «${them}»: ${theirs}.`,
    agreementButton: {
      implement: (id) => `Выполнить ${id}`,
      delay: (id) => `Отложить ${id}`,
      defect: (id) => `Нарушить ${id}`,
      verify: (id) => `Проверить ${id}`,
    },
    doneImplementing: 'Завершить выполнение',
    nothingToDo: 'Делать нечего.',
    obligation: {
      delayed: (n) => `, отложено ${raz(n)}`,
      delayedThisTurn: 'отложено в этом ходу',
      notYet: 'ещё не выполнено',
      caught: 'нарушение раскрыто',
      secretlyNot: 'тайно не выполнено',
      verified: 'выполнено и проверено',
      unverified: 'выполнено, не проверено',
    },
    meters: 'Шкалы',
    openLedger: 'Открыть журнал',
    closeLedger: 'Закрыть журнал',
    ledgerLabel: 'Журнал изменений шкал',
    ledgerLine: (turn, meter, delta, value, cause) => `Ход ${turn}: ${meter} ${delta} → ${value} (${cause})`,
    tracks: 'Направления',
    trackLine: (name, stage) => `${name}: ${stage}`,
    trackNext: (next, on) => `. Дальше: ${next} (${on})`,
    channels: 'Каналы',
    you: 'вы',
    and: ' и ',
    channelOpen: 'открыт (каждый ход снижает эскалацию)',
    channelAsked: (who) => `закрыт; попросили открыть: ${who} — он откроется, когда обе стороны сделают шаг`,
    channelClosed: 'закрыт',
    agreements: 'Соглашения',
    noneSigned: 'Пока ни одного.',
    news: 'Новости',
    newsLine: (turn, title, text, cite) => `Ход ${turn}: ${title}. ${text} (${cite})`,
    noNews: 'Новостей пока нет.',
    yourBrief: 'Ваша секретная справка',
    leave: 'Выйти из-за стола (игра сохранена)',
  },
  canvas: {
    score: (score, goal) => `Ваш счёт ${score} · цель ${goal}`,
    tracks: 'Направления',
    legendReached: 'этап пройден',
    legendAhead: 'этап впереди',
    legendBreakdown: 'срыв (левее начала)',
    legendNow: 'где сейчас',
    acrossTable: (them) => `Напротив: что может дать сторона «${them}» (перетащите, чтобы попросить)`,
    yourHand: 'Ваши карты: что вы можете дать (перетащите на стол)',
    emptyHand: 'Карт не осталось.',
    option: (n, of) => `вариант ${n} из ${of}`,
    redLine: 'ваша красная линия',
    yourPackage: 'Ваш пакет',
    yourCounter: 'Ваше встречное предложение',
    youGive: 'Вы даёте',
    youAsk: (them) => `Вы просите (${them})`,
    youGet: 'Вы получаете',
    dragHint: 'Перетащите сюда карты (или щёлкните по ним), чтобы собрать пакет; его действие видно на каждой шкале и на вашем счёте.',
    offerOf: (side, counter) => `${side}: ${counter ? 'встречное предложение' : 'предложение'}`,
    agreementsHeading: 'Соглашения',
    cannotSend: (why) => `Отправить нельзя: ${why}`,
    ifSigned: (score, worth) => `Если подпишут: ваш счёт ${score} сразу; ${worth} для вас, когда обе стороны выполнят`,
    formatChip: (f) => `Формат: ${f}`,
    clear: 'Очистить',
    silent: 'Пока ничего не сказано.',
    otherPlayer: 'Напротив сидит другой игрок.',
    trustIn: (other) => `Доверие → ${other}`,
    support: 'Поддержка внутри страны',
    hawks: '«Ястребы» (чем выше, тем жёстче)',
    allies: (name) => `${name}: уверенность`,
    escalation: 'Риск эскалации (чем выше, тем хуже)',
    now: (stage) => `Сейчас: ${stage}`,
    next: (stage, on) => `дальше: ${stage} ← ${on}`,
    bothTrust: (n) => `, доверие обеих ≥ ${n}`,
    noFurther: 'дальше некуда',
    turnLine: (turn, total, phase) => `Ход ${turn}/${total} · ${phase} · `,
    toMove: (side) => `ходит: ${side}`,
    waiting: 'Ожидание…',
    lastAnswer: (turn, side, answer, reason) =>
      `Последний ответ (ход ${turn}): ${side} — ${answer === 'accept' ? 'пакет принят' : answer === 'reject' ? 'пакет отклонён' : 'встречное предложение'}${reason ? `: ${reason}` : ''}.`,
    agreements: (list) => `Соглашения: ${list}`,
    noPackage: 'На столе нет пакета.',
    news: 'Новости',
    noNews: 'Новостей пока нет.',
    newsTurn: (turn) => `Ход ${turn}:`,
    more: (n) => ` (+ ещё ${n})`,
    chips: { conciliatory: 'мягко', neutral: 'нейтрально', hostile: 'жёстко' },
  },
  save: {
    damaged: 'Сохранённую игру не удалось прочитать (она повреждена). Можно начать заново.',
    otherFormat: (saved, reads) => `Сохранённая игра — из другой версии «Перезагрузки» (формат ${saved}, эта версия читает ${reads}). Можно начать заново.`,
    otherRules: (saved, plays) =>
      `Сохранённая игра велась по другим правилам (версия правил ${saved}; эта версия играет по правилам ${plays}), и её ходы дали бы другую игру. Можно начать заново.`,
    noScenario: (file) => `Сценарий сохранённой игры больше не загружается (${file}). Можно начать заново.`,
    noReplay: (why) => `Сохранённую игру не удалось воспроизвести (${why}). Можно начать заново.`,
  },
  debrief: {
    heading: (title) => `Разбор игры: ${title}`,
    print: 'Распечатать разбор',
    json: 'Скачать запись игры (JSON)',
    csv: 'Скачать запись игры (CSV)',
    printExport: 'Печать и выгрузка',
    notEnded: 'Игра не окончена.',
    endTurns: (turn) => `Переговоры прошли весь путь: игра закончилась после хода ${turn}.`,
    endEscalation: (turn) => `Эскалация вышла из-под контроля: кризис закончил игру на ходу ${turn}.`,
    endOffice: (side, turn) => `${side ? `Сторона «${side}»: руководство` : 'Руководство одной из сторон'} потеряло власть на ходу ${turn} — поддержка внутри страны рухнула.`,
    player: 'игрок',
    you: 'вы',
    computer: 'компьютер',
    who: (side, role) => `${side} (${role})`,
    succeeded: 'Успех',
    fellShort: 'Цель не достигнута',
    lostOffice: 'Потеря власти',
    outcome: 'Итог',
    scoresCaption: 'Очки сторон (каждая сторона считает по своим приоритетам)',
    scoreHead: ['Сторона', 'Очки', 'Цель', 'Итог', 'Сделки', 'Продвижение', 'Поддержка', 'Эскалация', 'Штраф'],
    scoreParts: [
      'Как складываются очки: «Сделки» — что действительно выполненные уступки дали и стоили этой стороне, с весами её приоритетов; ',
      '«Продвижение» — где стоят направления, с теми же весами; «Поддержка» — изменение поддержки внутри страны с начала игры (очко за каждые 5); ',
      '«Эскалация» отнимает десятую часть итогового риска эскалации; «Штраф» — −20 за потерю власти или за кризис, закончивший игру. ',
      'Сторона добивается успеха, если её очки достигли цели, — если только она не потеряла власть и игру не закончил кризис.',
    ],
    joint: (n) => `Общий счёт: ${n}. Переговоры — не игра с нулевой суммой: выиграть могут обе стороны. `,
    counts: (signed, implemented, verified, broken) => `Соглашений подписано: ${signed}; выполнено: ${implemented}; проверено: ${verified}; нарушено: ${broken}.`,
    status: {
      signed: 'Подписано, ещё не выполнено',
      implemented: 'Выполнено',
      verified: 'Выполнено и проверено',
      broken: 'Нарушено',
      pending: 'Ещё не выполнено',
      defected: 'Нарушено',
    },
    delayedTimes: (n) => `, отсрочек: ${n}`,
    owedNothing: 'Ничего не должна',
    agreementsHeading: 'Соглашения и их судьба',
    everyAgreement: 'Все подписанные соглашения',
    agreementHead: (first, second) => ['Соглашение', 'Подписано на ходу', 'Направления', `Уступки: ${first}`, `Уступки: ${second}`, 'Судьба', `${first}: выполнено?`, `${second}: выполнено?`],
    agreementName: (id, format, proposer) => `${id} (${format}, предложила сторона «${proposer}»)`,
    noAgreement: 'Ни одного соглашения не подписано.',
    history: 'Как было на самом деле',
    byTrackHeading: 'По направлениям',
    byTrackCaption: 'Где закончилось каждое направление: в этой игре и в истории',
    byTrackHead: ['Направление', 'Эта игра', 'История', 'Игра против истории', 'Источник'],
    compared: { further: 'Дальше, чем в истории', same: 'Там же, где в истории', short: 'Не дошла до исторического' },
    historySentence: {
      list: (xs) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} и ${xs[xs.length - 1]}`),
      further: (tracks) => `дальше, чем в истории, — ${tracks}`,
      same: (tracks) => `там же, где в истории, — ${tracks}`,
      short: (tracks) => `не дошла до исторического итога — ${tracks}`,
      whole: (parts) => `Эта игра по сравнению с историей: ${parts.join('; ')}.`,
    },
    gameAgainstHistory: {
      crisis: (turn) =>
        `В отличие от истории, эта игра закончилась кризисом: эскалация достигла 100 на ходу ${turn}. В истории стороны, как бы далеко они ни расходились, продолжали разговаривать; ни один кризис не оборвал переговоры.`,
      office: (side, turn) => `В отличие от истории, сторона ${side} потеряла власть на ходу ${turn}: рухнула поддержка внутри страны; в истории из-за этих переговоров никто власти не лишился.`,
      cooperative: (n) => `Эта игра прошла в сотрудничестве: выполнено соглашений — ${n} (обеими сторонами или одной).`,
      stalled: 'Эта игра прошла без кризиса, но ничего из договорённого выполнено не было.',
      historyDeal: (cards, matched) => (matched ? ` Из того, о чём договорились в истории (${cards}), в этой игре выполнено: ${matched}.` : ` В истории договорились: ${cards}; в этой игре ничего из этого выполнено не было.`),
    },
    metersHeading: 'Шкалы по ходам',
    turningPoints: 'Поворотные моменты',
    turnLabel: (turn) => `Ход ${turn}: `,
    noTurningPoints: 'Ни одного изменения на 8 пунктов и больше: игра шла постепенно.',
    believedHeading: (side) => `Что, по мнению компьютера, нужно стороне «${side}»`,
    believedCaption: (side) => `Оценка компьютером приоритетов стороны «${side}» рядом с настоящими (0–10)`,
    believedHead: ['Направление', 'Оценка компьютера', 'Настоящий приоритет', 'Разница'],
    deal: {
      heading: 'Итоговая сделка и лучшие возможные пакеты',
      valued: (worth, standing) =>
        'Оценка — как если бы всё было одним пакетом, подписанным, выполненным и проверенным с самого начала: уступки — по собственным приоритетам каждой стороны, ' +
        'а также продвижение по направлениям, цена и выигрыш внутри страны и эскалация. ' +
        `Выполненные уступки стоят: ${worth.join('; ')}. ${standing}`,
      worth: (n, side) => `${side} — ${n}`,
      onFrontier: 'Сделка лежит на границе Парето: ни один пакет не был лучше для одной стороны, не будучи хуже для другой.',
      missed: (distance, gain) => `До границы Парето — ${distance}; на столе был пакет, выгодный обеим сторонам (каждой не меньше +${gain}).`,
      noneBetter: (distance) => `До границы Парето — ${distance}, но пакета, выгодного обеим сторонам, не было.`,
      caption: 'Выполненная сделка рядом с решениями задачи торга (ценность для каждой стороны)',
      head: (sides) => ['Пакет', ...sides, 'Что в нём'],
      carriedOut: 'Выполнено',
      nash: 'Решение Нэша',
      kalaiSmorodinsky: 'Решение Калаи — Смородинского',
      betterForBoth: 'Выгоднее обеим',
      noGain: 'ни один пакет не выгоден обеим сторонам',
      noDeal: 'без сделки',
      gives: (side, cards) => `${side} уступает: ${cards.join('; ') || 'ничего'}`,
      multilateral: ' (многосторонний формат)',
    },
    wanted: {
      heading: 'Чего на самом деле хотела каждая сторона',
      intro:
        'Игра окончена, и обе вводные можно открыть. Предложения показывают, что предполагал игрок: стороне предлагают что-то по направлению, которое, как кажется, ей важно.',
      caption: 'Настоящие приоритеты сторон (0–10) рядом с тем, сколько уступок каждая сторона предложила другой по этому направлению',
      head: (first, second) => ['Направление', `Приоритет: ${first}`, `Приоритет: ${second}`, `Предложила сторона ${first}`, `Предложила сторона ${second}`],
      redLinesHeading: 'Красные линии',
      redLine: (side, card, why) => `Красная линия стороны ${side}: ${card}. ${why}`,
      askedFor: (by, n) => (n === 0 ? ` Сторона ${by} этого ни разу не просила.` : ` Сторона ${by} просила об этом ${n} раз(а).`),
      noRedLines: (side) => `У стороны ${side} не было красных линий.`,
      briefOf: (side) => `Вводная: ${side}`,
      aimed: (side, offered, other, top) => `Сторона ${side} больше всего предлагала по направлению «${offered}»; для стороны ${other} важнее всего было «${top}».`,
      offeredNothing: (side, other, top) => `Сторона ${side} ничего не предлагала; для стороны ${other} важнее всего было «${top}».`,
    },
    missedDeals: {
      heading: 'Сделки, которые обе стороны предпочли бы',
      sentence: (terms, gains) => `${terms} дал бы сверх выполненной сделки: ${gains}.`,
      gives: (side, cards) => `${side}: ещё и ${cards}`,
      keeps: (side, cards) => `${side}: без уступки «${cards}»`,
      instead: (side, card, was) => `${side}: «${card}» вместо «${was}»`,
      terms: (parts) => `Пакет, в котором ${parts.join('; ')},`,
      gain: (n, side) => `${side} ${n}`,
      none: 'Ни один пакет не был бы лучше выполненной сделки для обеих сторон: чтобы выиграть больше, одной из сторон пришлось бы чем-то поступиться.',
      noneBetter: 'Таких не было.',
      plot: 'Все пакеты по их ценности для каждой стороны: граница Парето, точка Нэша и эта игра',
      plotDesc: (first, second, game, nash, distance) =>
        `По горизонтали — ценность для стороны ${first}, по вертикали — для стороны ${second}. Сделка этой игры — в точке ${game}; точка Нэша — ${nash}; до границы Парето — ${distance}.`,
      legendCloud: 'пакет из одной-двух уступок',
      legendFrontier: 'граница Парето',
      legendNash: 'точка Нэша',
      legendGame: 'эта игра',
      legendNoDeal: 'без сделки',
      noNash: 'нет',
    },
    branch: {
      heading: 'Сыграть заново с любого хода',
      intro: 'Выберите ход на шкале времени: игра точно повторится до начала этого хода, а дальше вы играете сами. В разборе новой партии два финала будут стоять рядом.',
      pick: 'Ход, с которого играть дальше',
      option: (turn) => (turn === 1 ? 'Ход 1 (начало)' : `Ход ${turn}`),
      play: (turn) => `Играть дальше с хода ${turn}`,
      link: 'Ссылка для класса',
      linkHelp: 'Каждый, кто откроет эту ссылку или этот файл на титульном экране (загрузка файла сценария), начнёт с того же хода с теми же игроками; его разбор сравнит его финал с финалом этой игры.',
      file: (turn) => `Скачать ход ${turn} файлом`,
      copy: 'Скопировать ссылку',
      copied: 'Ссылка скопирована.',
      customOnly: 'Ссылки открывают только встроенные сценарии; свой файл можно переиграть на этом компьютере.',
      endingsHeading: 'Два финала рядом',
      endingsIntro: (turn) => `До хода ${turn} обе партии шли одинаково; дальше каждая пошла своим путём.`,
      endingsCaption: (turn) => `Первая партия и ответвление с хода ${turn}`,
      endingsHead: (turn) => ['', 'Первая партия', `Ответвление (с хода ${turn})`],
      ended: 'Чем закончилась',
      score: (side) => `Очки: ${side} (цель)`,
      scoreCell: (score, goal, result) => `${score} (${goal}): ${result}`,
      joint: 'Общий счёт',
      agreements: 'Соглашений подписано / выполнено / нарушено',
      agreementsCell: (signed, implemented, broken) => `${signed} / ${implemented} / ${broken}`,
      escalation: 'Риск эскалации в конце',
      track: (name) => `Направление: ${name}`,
      differ: (n, total) => (n === 0 ? 'Все направления закончились там же, где в первой партии.' : `Направлений, закончившихся иначе, чем в первой партии: ${n} из ${total}.`),
    },
    ledgerHeading: 'Журнал: каждое изменение шкал и его причина',
    ledgerNote: 'Откройте журнал перед печатью, чтобы он попал в распечатку.',
    showLedger: (n, t) => `Показать журнал: ${changes(n)} за ${turns(t)}`,
    start: 'Начало',
    turn: (turn) => `Ход ${turn}`,
    changesIn: (turn) => (turn === 0 ? 'Изменения шкал в начале игры' : `Изменения шкал на ходу ${turn}`),
    ledgerHead: ['Шкала', 'Изменение', 'Стало', 'Причина', 'Источник'],
    charts: {
      trust: 'Доверие к другой стороне',
      support: 'Поддержка внутри страны',
      hawks: 'Влияние «ястребов»',
      allies: 'Уверенность союзников и партнёров',
      escalation: 'Риск эскалации',
    },
    meter: {
      trust: (side, other) => `Доверие: ${side} → ${other}`,
      support: (side) => `Поддержка внутри страны: ${side}`,
      hawks: (side) => `Влияние «ястребов»: ${side}`,
      allies: (name) => `${name}: уверенность`,
      escalation: 'Риск эскалации',
    },
    axisTurn: 'Ход',
    went: (label, first, last, turn) => `${label}: ${first} в начале, ${last} после хода ${turn}`,
    dashed: '. Пунктирные вертикальные линии отмечают поворотные моменты.',
    byTurn: (title) => `${title}, по ходам`,
    figures: (title) => `Данные: ${title}`,
  },
  // Said without verbs that agree with a side's name (США are plural, Россия feminine): "side: what happened".
  causes: [
    [/^(?<side>.+?)(?:'s|') (?<tone>conciliatory|neutral|hostile) statement$/, (p, n) => `${cap(TONES[p.tone])} заявление — ${n(p.side)}`],
    [/^mixed signals from (?<side>.+)$/, (p, n) => `Противоречивые сигналы — ${n(p.side)}`],
    [/^(?<side>.+) declares "(?<title>.+)" a red line, in its statement$/, (p, n) => `${n(p.side)}: «${n(p.title)}» — красная линия (в заявлении)`],
    [/^hawks call (?<side>.+?)(?:'s|') outreach on (?<channel>.+) weakness$/, (p, n) => `«Ястребы» против шага навстречу (${n(p.side)}): ${n(p.channel)}`],
    [/^(?<side>.+) rejected (?<by>.+?)(?:'s|') proposal$/, (p, n) => `${n(p.side)}: отказ на предложение (${n(p.by)})`],
    [/^(?<side>.+) could not carry out agreement (?<id>\S+) this turn: bureaucratic delays$/, (p, n) => `${n(p.side)}: соглашение ${p.id} не выполнено в этот ход — бюрократические задержки`],
    [/^(?<side>.+) implemented "(?<title>.+)"$/, (p, n) => `${n(p.side)}: выполнено «${n(p.title)}»`],
    [/^agreement (?<id>\S+) delivers$/, (p) => `Соглашение ${p.id} приносит плоды`],
    [/^(?<side>.+) delayed agreement (?<id>\S+): bureaucratic delays$/, (p, n) => `${n(p.side)}: соглашение ${p.id} отложено — бюрократические задержки`],
    [/^verification confirmed (?<side>.+) kept agreement (?<id>\S+)$/, (p, n) => `Проверка подтвердила: соглашение ${p.id} соблюдено (${n(p.side)})`],
    [/^(?<side>.+) checked agreement (?<id>\S+): a sign of distrust$/, (p, n) => `${n(p.side)}: проверка соглашения ${p.id} — знак недоверия`],
    [/^(?<side>.+) conceded "(?<title>.+)"(?<multi> \(multilateral format\))?$/, (p, n) => `${n(p.side)}: уступка «${n(p.title)}»${p.multi ? ' (многосторонний формат)' : ''}`],
    [/^(?<side>.+) won "(?<title>.+)"$/, (p, n) => `${n(p.side)}: получено «${n(p.title)}»`],
    [/^(?<party>.+) react to "(?<title>.+)"$/, (p, n) => `${n(p.party)}: реакция на «${n(p.title)}»`],
    [/^agreement (?<id>\S+) is reciprocal: quid pro quo$/, (p) => `Соглашение ${p.id} взаимно: услуга за услугу`],
    [/^agreement (?<id>\S+) signed$/, (p) => `Соглашение ${p.id} подписано`],
    [
      /^(?<side>.+) broke agreement (?<id>\S+): it (?<how>kept delaying it|was caught by verification|was exposed by intelligence reports)(?<rally> \(rally at home\))?$/,
      (p, n) => `Соглашение ${p.id} нарушено (${n(p.side)}): ${BROKEN[p.how]}${p.rally ? ' (сплочение внутри страны)' : ''}`,
    ],
    [/^a pause in dialogue bolsters the hawks$/, () => 'Пауза в диалоге усиливает «ястребов»'],
    [/^a pause in dialogue$/, () => 'Пауза в диалоге'],
    [/^(?<party>.+) feel abandoned$/, (p, n) => `${n(p.party)}: ощущение, что их бросили`],
    [/^a military incident, contained by the open channel$/, () => 'Военный инцидент, сдержанный открытым каналом'],
    [/^a military incident$/, () => 'Военный инцидент'],
    [/^(?<cause>.+) feeds the hawks$/, (p, _n, again) => `${again(p.cause)} — это подпитывает «ястребов»`],
    [/^(?<channel>.+) keeps the channel open$/, (p, n) => `${n(p.channel)}: канал остаётся открытым`],
    [/^(?<channel>.+) opened$/, (p, n) => `Открыт канал: ${n(p.channel)}`],
    [/^tensions ease with time$/, () => 'Напряжённость со временем спадает'],
    [/^both capitals step back from the brink$/, () => 'Обе столицы отступают от края'],
    [/^(?<side>.+?)(?:'s|') hawks push for a show of force$/, (p, n) => `«Ястребы» (${n(p.side)}) требуют демонстрации силы`],
  ],
  reasons: [
    // Whole reasons built from others: a counter-offer after its refusal, a red line declared after a statement.
    // A counter that gives nothing says what it is owed: the debt's sentence ends the whole reason.
    [/^(?<why>.+?)\. Instead, (?<offer>.+ owes .+ and received too little in return)\.$/, (p, _n, a) => `${a(p.why)}. Вместо этого ${a(`${p.offer}.`)}`],
    [/^(?<why>.+?)\. Instead, (?<offer>.+)\.$/, (p, _n, a) => `${a(p.why)}. Вместо этого ${a(p.offer)}.`],
    [/^(?<reason>.+\.) (?<me>[^.:]+?) declares "(?<title>.+?)" a red line: (?<why>.+)$/, (p, n, a) => `${a(p.reason)} ${n(p.me)} объявляет ${title(p.title, n)} красной линией. ${stop(n(p.why))}`],

    // Statements (agent.ts statement).
    [/^(?<other>.+?) keeps up its hostile rhetoric: (?<me>.+?) answers in kind, and remembers it at the table\.$/, (p, n) => `${n(p.other)} не сбавляет враждебной риторики: ${n(p.me)} отвечает тем же и припомнит это за столом переговоров.`],
    [/^(?<other>.+?)'s rhetoric drives the risk of confrontation toward the brink whatever (?<me>.+?) says: .+? answers in kind\.$/, (p, n) => `${n(p.other)} своей риторикой подводит дело к грани конфронтации, что бы ни говорили в ответ: ${n(p.me)} отвечает тем же.`],
    [new RegExp(`^With the risk of confrontation (?<risk>${RISKS}), (?<me>.+?) does not answer (?<other>.+?)'s hostile rhetoric, but remembers it\\.$`), (p, n) => `Риск конфронтации ${RISK[p.risk]}: ${n(p.me)} не отвечает на враждебную риторику, которую ведёт ${n(p.other)}, но запоминает её.`],
    [new RegExp(`^With the risk of confrontation (?<risk>${RISKS}), (?<me>.+?) lowers its voice to pull back from the brink\\.$`), (p, n) => `Риск конфронтации ${RISK[p.risk]}: ${n(p.me)} понижает тон, чтобы отойти от края.`],
    [/^With support at home running thin, (?<me>.+?) has to sound tough\.$/, (p, n) => `Поддержка внутри страны тает, и ${n(p.me)} поневоле говорит жёстко.`],
    [/^(?<me>.+?) answers (?<other>.+?)'s hostile rhetoric in kind, and will remember it at the table\.$/, (p, n) => `${n(p.other)} ведёт враждебную риторику: ${n(p.me)} отвечает тем же и припомнит это за столом переговоров.`],
    [/^(?<me>.+?) lets (?<other>.+?)'s hostile rhetoric pass, for now, but remembers it\.$/, (p, n) => `${n(p.other)} ведёт враждебную риторику: ${n(p.me)} пока оставляет это без ответа, но запоминает.`],
    [
      /^(?<me>.+?) will not match (?<other>.+?)'s hostile rhetoric: an exchange of hostile words would carry the risk of confrontation past what .+? will accept\. It remembers the words at the table\.$/,
      (p, n) => `${n(p.other)} ведёт враждебную риторику, но ${n(p.me)} не отвечает тем же: обмен враждебными заявлениями поднял бы риск конфронтации выше допустимого. ${n(p.me)} припомнит эти слова за столом переговоров.`,
    ],
    [new RegExp(`^(?<me>.+?) will not match (?<other>.+?)'s hostile rhetoric while the risk of confrontation is (?<risk>${RISKS}), but remembers it\\.$`), (p, n) => `${n(p.other)} ведёт враждебную риторику, но, пока риск конфронтации ${RISK[p.risk]}, ${n(p.me)} не отвечает тем же, хотя и запоминает это.`],
    [/^(?<me>.+?) returns (?<other>.+?)'s conciliatory tone: (?<trust>.+)\.$/, (p, n, a) => `${n(p.other)} говорит примирительно, и ${n(p.me)} отвечает тем же: ${a(p.trust)}.`],
    [/^(?<me>.+?) warms its tone: no agreement lasts without trust, and (?<trust>.+)\.$/, (p, n, a) => `${n(p.me)} смягчает тон: без доверия ни одно соглашение не устоит, а ${a(p.trust)}.`],
    [/^(?<me>.+?) keeps the tone warm to build trust: (?<trust>.+)\.$/, (p, n, a) => `${n(p.me)} сохраняет тёплый тон, чтобы укрепить доверие: ${ownTrust(n(p.me), a(p.trust))}.`],
    [/^(?<me>.+?) keeps its own counsel in public: (?<trust>.+)\.$/, (p, n, a) => `${n(p.me)} публично не раскрывает карт: ${ownTrust(n(p.me), a(p.trust))}.`],
    [/^(?<me>.+?) steps back from last turn's hostility without mixed signals\.$/, (p, n) => `${n(p.me)} отходит от враждебного тона прошлого хода, не посылая противоречивых сигналов.`],

    // Channels (agent.ts channelToAsk).
    [
      new RegExp(`^(?<me>.+?) asks to open (?<channel>.+?): (?:(?<asked>.+?) has asked for it|the risk of confrontation is (?<risk>${RISKS}), and an open channel damps incidents|(?<pauses>pauses in dialogue only bolster the hawks))\\.$`),
      (p, n) =>
        `${n(p.me)} просит открыть канал ${q(n(p.channel))}: ${p.asked ? `${n(p.asked)} уже просит об этом` : p.risk ? `риск конфронтации ${RISK[p.risk]}, а открытый канал сдерживает инциденты` : 'паузы в диалоге лишь усиливают «ястребов»'}.`,
    ],

    // Proposals (agent.ts propose): the package described, then why.
    [
      /^(?<offer>.+): (?<me>[^:]+?) sees nothing it could offer that is worth it while (?<trust>.+), but a turn without talks would freeze them and bolster the hawks\.$/,
      (p, n, a) => `${a(p.offer)}: ${n(p.me)} не находит ничего, что стоило бы предложить, пока ${ownTrust(n(p.me), a(p.trust))}, но ход без переговоров заморозил бы их и усилил бы «ястребов».`,
    ],
    [/^(?<me>[^:]+?) sees nothing it could offer that is worth it while (?<trust>.+)\.$/, (p, n, a) => `${n(p.me)} не находит ничего, что стоило бы предложить, пока ${ownTrust(n(p.me), a(p.trust))}.`],
    [/^(?<offer>.+): it should suit both sides\.$/, (p, _n, a) => `${a(p.offer)}: это должно устроить обе стороны.`],
    [/^(?<offer>.+): (?<me>[^:]+?) will not settle for less\.$/, (p, n, a) => `${a(p.offer)}: на меньшее ${n(p.me)} не согласится.`],
    [/^(?<offer>.+): after (?<other>[^:]+?)'s hostile words, (?<me>[^:]+?) claims the larger share\.$/, (p, n, a) => `${a(p.offer)}: ${n(p.other)} ведёт враждебную риторику, и ${n(p.me)} требует себе большей доли.`],
    [
      /^(?<offer>.+): (?<me>[^:]+?) gives a little more than it gets, for what both sides gain together rather than let the talks go quiet\.$/,
      (p, n, a) => `${a(p.offer)}: ${n(p.me)} отдаёт чуть больше, чем получает, ради общего выигрыша — лишь бы переговоры не заглохли.`,
    ],
    [
      /^(?<offer>.+): (?<other>[^:]+?) owes (?<me>.+?) for what it has conceded so far \((?<given>.+)\) and received too little in return\.$/,
      (p, n, a) => {
        const given = titles(p.given, n);
        return given && `${a(p.offer)}: ${n(p.other)} в долгу — за сделанные уступки (${given.said}) почти ничего не получено взамен.`;
      },
    ],
    [
      /^(?<me>.+?) (?:asks for (?<ask>".+")|offers (?<gift>".+") as a gesture|offers (?<give>".+") in exchange for (?<take>".+?")(?: — a trade across (?<tracks>.+?))?)(?<venue>, in a multilateral format that costs both sides less at home)?$/,
      (p, n) => {
        const venue = p.venue ? VENUE : '';
        if (p.ask) {
          const ask = titles(p.ask, n);
          return ask && `${n(p.me)} просит ${ask.said}${venue}`;
        }
        if (p.gift) {
          const gift = titles(p.gift, n);
          return gift && `${n(p.me)} в знак доброй воли предлагает ${gift.said}${venue}`;
        }
        const give = titles(p.give, n);
        const take = titles(p.take, n);
        const tracks = p.tracks === undefined ? [] : andsOf(p.tracks, (t) => track(t, n));
        if (!give || !take || !tracks) return undefined;
        const across = tracks.length ? ` — сделка сразу по ${TRACK_COUNT[tracks.length] ?? tracks.length} направлениям (${andList(tracks)})` : '';
        return `${n(p.me)} предлагает ${give.said} в обмен на ${take.said}${across}${venue}`;
      },
    ],

    // Answers (agent.ts respond and rejection): what weighed most, its trust, what it still wants.
    [
      /^(?<me>.+?) accepts, though it gives more than it gets \((?<gains>.+) against (?<costs>.+)\): it wants an agreement\. (?<trust>[^.]+? is (?:deeply mistrustful|wary|cautious|trusting) of .+)\.$/,
      (p, n, a) => {
        const gains = parts(p.gains, n);
        const costs = parts(p.costs, n);
        return gains && costs && `${n(p.me)} принимает пакет, хотя отдаёт больше, чем получает (${gains.said} против ${costs.said}): важнее заключить соглашение. ${a(p.trust)}.`;
      },
    ],
    [
      /^(?<me>.+?) accepts: (?:(?<gains>.+) weighs? more for .+? than (?<costs>.+)|(?<who>.+?) gains (?<only>.+))\. (?<trust>[^.]+? is (?:deeply mistrustful|wary|cautious|trusting) of .+)\.$/,
      (p, n, a) => {
        if (p.only) {
          const only = parts(p.only, n);
          return only && `${n(p.me)} принимает пакет: он приносит ${only.said}. ${a(p.trust)}.`;
        }
        const gains = parts(p.gains, n);
        const costs = parts(p.costs, n);
        return gains && costs && `${n(p.me)} принимает пакет: ${gains.said} ${gains.many ? 'весят' : 'весит'} больше, чем ${costs.said}. ${a(p.trust)}.`;
      },
    ],
    [
      /^(?<costs>.+) weighs? more for (?<me>.+?) than (?<gains>.+?)(?:; (?<trust>.+?), so it counts little on .+?'s promises)?: (?<want>[^:;]+? wants (?:something more in exchange|more on .+ than this|something in exchange on .+))$/,
      (p, n, a) => {
        const costs = parts(p.costs, n);
        const offers = /^anything (?<other>.+) offers$/.exec(p.gains);
        const gains = offers ? { said: `всё, что предлагает ${n(offers[1])}` } : parts(p.gains, n);
        const want = wants(p.want, n);
        return costs && gains && want && `${n(p.me)} считает, что ${costs.said} ${costs.many ? 'весят' : 'весит'} больше, чем ${gains.said}${countsLittle(p.trust, a)}: ${want}`;
      },
    ],
    [
      /^(?<gains>.+) is not enough for (?<costs>.+?)(?:; (?<trust>.+?), so it counts little on .+?'s promises)?: (?<want>(?<me>[^:;]+?) wants (?:something more in exchange|more on .+ than this|something in exchange on .+))$/,
      (p, n, a) => {
        const gains = p.gains === 'What it gains' ? { said: 'выгода от сделки' } : parts(p.gains, n);
        const costs = p.costs === 'its signature' ? { said: 'подпись под соглашением' } : parts(p.costs, n);
        const want = wants(p.want, n);
        return gains && costs && want && `${n(p.me)} считает, что ${gains.said} — слишком малая плата за ${costs.said}${countsLittle(p.trust, a)}: ${want}`;
      },
    ],

    // What its principles forbid (agent.ts forbidden): its red lines, and its stance's words from the scenario.
    [/^"(?<title>.+?)" is a red line for (?<me>.+?): (?<why>.+)$/, (p, n) => {
      const why = known(n, p.why);
      return why && `${title(p.title, n)} — красная линия, которую ${n(p.me)} не переступит. ${why}`;
    }],
    [/^"(?<title>.+?)" is not on offer from (?<me>.+?): (?<why>.+?)(?<cited> \(\d{3}_[0-9a-f]+\.txt\))?$/, (p, n) => {
      const why = known(n, p.why);
      return why && `${title(p.title, n)} ${n(p.me)} не уступит. ${why}${p.cited ?? ''}`;
    }],
    [
      /^(?<stance>.+?)(?<cited> \(\d{3}_[0-9a-f]+\.txt\))?: nothing on (?<track>.+) until (?<other>.+) puts something real on the table$/,
      (p, n) => {
        const said = nameAndWords(p.stance, n);
        const t = track(p.track, n);
        return said && t && `${said[0]} ${said[1]}${p.cited ?? ''}: по направлению ${t} — ничего, пока ${n(p.other)} не положит на стол что-то реальное`;
      },
    ],
    [/^(?<me>.+?) must reassure (?<party>.+); this would leave them in the cold$/, (p, n) => `${n(p.party)}: ${n(p.me)} не пойдёт на сделку, которая оставила бы союзников на холоде`],

    // Keeping promises (agent.ts implementation and defectionPays).
    [/^After a broken promise, (?<me>.+?) holds back on agreement (?<id>\S+): (?<trust>.+)\.$/, (p, n, a) => `После нарушенного обещания ${n(p.me)} не спешит выполнять соглашение ${p.id}: ${ownTrust(n(p.me), a(p.trust))}.`],
    [/^(?<me>.+?) will move on agreement (?<id>\S+) when (?<other>.+?) does: .+? has delayed its part\.$/, (p, n) => `${n(p.me)} выполнит соглашение ${p.id}, когда это сделает ${n(p.other)}: ${n(p.other)} затягивает выполнение своей части.`],
    [
      /^(?<me>.+?) will carry out agreement (?<id>\S+) once (?<other>.+?) has carried out its part: .+? has dragged its feet before\.$/,
      (p, n) => `${n(p.me)} выполнит соглашение ${p.id}, когда свою часть выполнит ${n(p.other)}: с той стороны уже бывали проволочки.`,
    ],
    [/^(?<me>.+?) drags its feet on agreement (?<id>\S+) — (?<why>.+?)(?<cited> \(\d{3}_[0-9a-f]+\.txt\))?\.$/, (p, n) => {
      const why = known(n, p.why);
      return why && `${n(p.me)} затягивает выполнение соглашения ${p.id} — ${why}${p.cited ?? ''}.`;
    }],
    [
      /^(?<me>.+?) implements agreement (?<id>\S+): (?<cards>.+)\. Leaders sign agreements, but citizens fulfil them\.$/,
      (p, n) => {
        const cards = titles(p.cards, n);
        return cards && `${n(p.me)} выполняет соглашение ${p.id}: ${cards.said}. Соглашения подписывают лидеры, а выполняют граждане.`;
      },
    ],
    [
      /^(?<me>.+?) leaves its part of agreement (?<id>\S+) undone in secret: (?<other>.+?) has rarely checked, and (?<cards>.+) (?:is|are) worth the risk of being found out\.$/,
      (p, n) => {
        const cards = titles(p.cards, n);
        return cards && `${n(p.me)} втайне не выполняет свою часть соглашения ${p.id}: ${n(p.other)} редко проверяет, а ${cards.said} ${cards.many ? 'стоят' : 'стоит'} риска разоблачения.`;
      },
    ],
    [/^Trust, but verify: (?<me>.+?) checks (?<other>.+?)'s implementation of agreement (?<id>\S+)\.$/, (p, n) => `Доверяй, но проверяй: ${n(p.me)} проверяет, как ${n(p.other)} выполняет соглашение ${p.id}.`],
    [/^(?<me>.+?) has nothing more to do on its agreements this turn\.$/, (p, n) => `${n(p.me)} больше ничего не предпринимает по своим соглашениям в этот ход.`],

    // Parts said inside the sentences above.
    [/^(?<me>[^:;.]+?) is (?<mood>deeply mistrustful|wary|cautious|trusting) of (?<other>[^:;.,]+?)(?<drift>, and warming|, and cooling)?$/, (p, n) => `${n(p.me)} ${MOODS[p.mood]}${p.drift ? DRIFT[p.drift] : ''}`],
    // Its stance's own words after its name ("Moscow is allowed to define …", with what it wants in exchange).
    [
      /^(?<stance>.+?)(?<cited> \(\d{3}_[0-9a-f]+\.txt\))?(?:: it wants something in exchange on (?<track>.+))?$/,
      (p, n) => {
        const said = nameAndWords(p.stance, n);
        const t = p.track === undefined ? '' : track(p.track, n);
        return said && t !== undefined ? `${said[0]} ${said[1]}${p.cited ?? ''}${t ? `: прежде всего по направлению ${t}` : ''}` : undefined;
      },
    ],
    // A sentence of one of these with its full stop (a refusal on its own).
    [/^(?<body>.+)\.$/, (p, _n, a) => {
      const said = a(p.body);
      return said === p.body ? undefined : stop(said);
    }],
  ],
};
