// A corpus of broken scenario files: each gets the right message at the right line and column of the
// text the author wrote, and none crashes or hangs the checker.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/files';
import { formatProblem, loadScenarioText, MAX_SCENARIO_BYTES } from '../../src/scenario/load';

const BROKEN = resolve(import.meta.dirname, '../fixtures/scenarios/broken');
const VALID = resolve(import.meta.dirname, '../fixtures/scenarios/valid/small.yaml');

/** file, line, column, a fragment of the message, and the file the problem is reported in when it is another one. */
const EXPECTED: [string, number, number, string, string?][] = [
  ['alias-bomb.yaml', 1, 1, 'too many aliases'],
  ['ally-unknown-third-party.yaml', 68, 15, 'unknown third party "polnd" (the scenario has no third parties)'],
  ['bad-id.yaml', 7, 5, 'expected a short id: lower-case letters, digits and dashes, starting with a letter (at most 40), found "My Game"; did you mean "my-game"?'],
  ['bad-indentation.yaml', 30, 7, 'bad indentation: this line is indented further than the one before'],
  ['binary.yaml', 1, 1, 'the file is not text'],
  ['card-bad-side.yaml', 63, 11, 'unknown side "uk"; did you mean "us"? (this scenario\'s sides are United States (us) and Russia (ru): write us or ru)'],
  ['card-unknown-track.yaml', 64, 12, 'unknown track "arm"; did you mean "arms"?'],
  ['card-unknown-side.yaml', 82, 11, 'unknown side "eastlands"; did you mean "eastland"? (this scenario\'s sides are Westland (westland) and Eastland (eastland): write westland or eastland)'],
  ['card-value-zero.yaml', 67, 12, 'expected a number >= 1, found 0'],
  ['chance-zero.yaml', 92, 24, 'expected a number > 0, found 0'],
  ['counterpart-bad-concession.yaml', 26, 19, 'expected one of boulware, conceder, tit-for-tat, found "boulwar"; did you mean "boulware"?'],
  ['counterpart-missing-why.yaml', 26, 7, 'missing field "why" (Why it plays so'],
  ['counterpart-other-sides-card.yaml', 27, 17, '"cut-warheads" is a card United States (us) gives: Russia (ru) can only refuse to give its own cards'],
  ['counterpart-unknown-track.yaml', 27, 25, 'unknown track "trad"; did you mean "trade"?'],
  ['compact-nested-mapping.yaml', 9, 7, 'two ": " on one line: a value that contains ": " must be in quotes'],
  ['dead-end-stage.yaml', 55, 7, 'stage "open" of track "trade" cannot be left'],
  ['deep-block-nesting.yaml', 131, 1, 'nested more than 64 levels deep'],
  ['deep-nesting.yaml', 2, 72, 'nested more than 64 levels deep'],
  ['duplicate-card-id.yaml', 68, 9, 'duplicate card id "cut-warheads" (first used at cards[0])'],
  ['duplicate-event-id.yaml', 96, 9, 'duplicate event id "spy-scandal"'],
  ['duplicate-key.yaml', 11, 1, 'duplicate key "turns": each field may appear once in a mapping'],
  ['duplicate-track-id.yaml', 45, 9, 'duplicate track id "arms"'],
  ['effect-bad-meter.yaml', 94, 18, 'unknown meter "trust.usa"; did you mean "trust.us"? ("usa" is no side'],
  ['effect-cause-not-text.yaml', 94, 46, 'missing field "en"'],
  ['effect-unknown-ally.yaml', 94, 18, 'unknown meter "allies.poland"'],
  ['effect-unknown-channel.yaml', 96, 20, 'unknown channel "hotline"'],
  ['effect-wrong-shape.yaml', 94, 28, 'unknown field "dleta"; did you mean "delta"?'], // the missing field it stands for, not "missing delta" too
  ['empty.yaml', 1, 1, 'the file is empty'],
  ['event-after-last-turn.yaml', 92, 22, 'event "spy-scandal" can never fire: turn 20 comes after the last turn (8)'],
  ['event-contradictory-turns.yaml', 92, 22, 'event "spy-scandal" can never fire: no turn between 6 and 2'],
  ['event-empty-trigger.yaml', 92, 14, 'expected at least 1 entry, found 0'],
  ['extends-cycle-a.yaml', 1, 10, 'extends goes round in a circle: extends-cycle-a.yaml -> extends-cycle-b.yaml -> extends-cycle-a.yaml', 'extends-cycle-b.yaml'],
  ['extends-cycle-b.yaml', 2, 10, 'extends goes round in a circle', 'extends-cycle-a.yaml'],
  ['extends-unknown.yaml', 8, 10, 'unknown scenario "no-such-scenario" in extends'],
  ['extends-near-miss-id.yaml', 7, 9, '"start-md-lnk" is not a card of the scenario this extends, so it would be a new card, missing "side", "track", "title", "text"; did you mean "start-md-link"?'],
  ['extends-remove-unknown.yaml', 7, 11, 'nothing to remove: the scenario this extends has no card "start-md-lnk"; did you mean "start-md-link"?'],
  ['extends-typo-id.yaml', 2, 10, 'unknown scenario "reset-209" in extends; did you mean "reset-2009"?'],
  ['history-deal-unknown-card.yaml', 15, 27, 'unknown card "cut-launcher"; did you mean "cut-launchers"?'],
  ['history-unknown-stage.yaml', 15, 20, 'unknown stage "signd" in track "arms"; did you mean "signed"?'],
  ['history-unknown-track.yaml', 16, 5, 'unknown track "trades"; did you mean "trade"?'],
  ['id-wrong-type.yaml', 82, 12, 'expected an id (lower-case letters, digits and dashes), found boolean true'],
  ['json-duplicate-key.json', 3, 3, 'duplicate key "id"'],
  ['json-trailing-comma.json', 4, 1, 'not valid JSON'],
  ['json-wrong-type.json', 4, 12, 'expected a whole number, found string "8"'],
  ['just-a-number.yaml', 1, 1, 'a scenario is a mapping of fields (id, title, turns, ...), found 42'],
  ['list-at-top.yaml', 1, 1, 'a scenario is a mapping of fields (id, title, turns, ...), found a list of 2'],
  ['list-item-misaligned.yaml', 69, 3, 'bad indentation: this line starts at column 3, the field on line 68 at column 5'],
  ['meter-backwards.yaml', 94, 18, 'found "us.trust"; did you mean "trust.us"?'],
  ['meter-unknown-side.yaml', 95, 18, 'unknown meter "trust.westlnd"; did you mean "trust.westland"? ("westlnd" is no side: this scenario\'s sides are Westland (westland) and Eastland (eastland), so write trust.westland or trust.eastland)'],
  ['misaligned-field.yaml', 37, 9, 'bad indentation: this line starts at column 9, the field on line 36 at column 10'],
  ['missing-colon.yaml', 21, 5, 'no ":" after the field name "name": write name: and a space, then the value'],
  ['missing-id.yaml', 6, 1, 'missing field "id"'],
  ['missing-sides.yaml', 13, 1, 'unknown field "sidez"; did you mean "sides"?'], // one message where the mistake is, not "missing sides" too
  ['misspelled-card-field.yaml', 68, 5, 'unknown field "costs"; did you mean "cost"?'],
  ['misspelled-top-field.yaml', 11, 1, 'unknown field "sumary"; did you mean "summary"?'],
  ['needs-misspelled-condition.yaml', 54, 22, 'unknown field "trustAtleast"; did you mean "trustAtLeast"?'],
  ['needs-unknown-stage.yaml', 54, 61, 'unknown stage "sighned" in track "arms"; did you mean "signed"?'],
  ['needs-unknown-track.yaml', 54, 46, 'unknown track "arm"; did you mean "arms"?'],
  ['no-tracks.yaml', 27, 9, 'expected at least 1 item, found a list of 0'],
  ['not-yaml.txt', 1, 1, 'a scenario is a mapping of fields'],
  ['one-stage.yaml', 32, 7, 'expected at least 2 entries, found 1'],
  ['option-duplicate-id.yaml', 70, 15, 'duplicate card id "cut-launchers": an option is a card of its own in packages and red lines, so its id must differ from every card and option id (cards[1] has it too); rename one'],
  ['priorities-unknown-track.yaml', 24, 28, 'unknown track "trades"; did you mean "trade"?'],
  ['redline-names-issue.yaml', 21, 24, '"cut-warheads" is a card with options, not one concession: name one of its options (cut-warheads-tenth, cut-warheads-third)'],
  ['redline-unknown-card.yaml', 21, 17, 'unknown card "cut-warhead"; did you mean "cut-warheads"?'],
  ['side-key-transposed.yaml', 20, 3, 'side "ur" is named nowhere else, while the file names a side "ru" (first at cards[1].side) that it does not declare: did you mean "ru"?'],
  ['side-cannot-win.yaml', 16, 11, 'United States (us) cannot win: its goal is 150, but the best score its priorities allow is 27.2'],
  ['sides-one.yaml', 15, 3, 'a scenario has two sides, found 1: write both under sides, each under its own id'],
  ['sides-three.yaml', 26, 3, 'a scenario has exactly two sides, but sides lists 3 (westland, eastland, northland): remove "northland", or make it a third party'],
  ['singular-field.yaml', 24, 5, 'unknown field "priority"; did you mean "priorities"?'],
  ['stage-key-capital.yaml', 32, 7, 'found "Talks"; did you mean "talks"?'],
  ['start-unknown-stage.yaml', 30, 12, 'unknown stage "talk" in track "arms"; did you mean "talks"?'],
  ['tab-indentation.yaml', 30, 1, 'tab used for indentation'],
  ['text-empty.yaml', 8, 8, 'expected text, found an empty string'],
  ['text-without-english.yaml', 8, 8, 'missing field "en": the English text is required (ru is its translation)'],
  ['transition-not-an-id.yaml', 34, 21, 'expected the stage to move to, or { to, needs }, found number 5'],
  ['transition-unknown-stage.yaml', 34, 21, 'unknown stage "signd" in track "arms"; did you mean "signed"?'],
  ['trust-out-of-range.yaml', 17, 21, 'expected a number <= 100, found 140'],
  ['turns-fraction.yaml', 10, 8, 'expected a whole number, found number 8.5'],
  ['turns-not-a-number.yaml', 10, 8, 'expected a whole number, found string "eight"'],
  ['turns-too-many.yaml', 10, 8, 'expected a number <= 40, found 99'],
  ['unclosed-quote.yaml', 8, 8, 'Missing closing "quote'],
  ['unclosed-bracket.yaml', 17, 12, 'a "{" opened here is never closed: end it with "}"'],
  ['unknown-track-event.yaml', 34, 15, 'expected one of TALKS, SIGN, IMPLEMENT, VERIFY, DELAY, DEFECT, STALL, SHOCK, found "SIGNED"; did you mean "SIGN"?'],
  ['unreachable-stage.yaml', 45, 7, 'stage "lost" of track "arms" cannot be reached from its start "talks"'],
  ['when-unknown-channel.yaml', 92, 37, 'unknown channel "hotline"'],
  ['whitespace-only.yaml', 1, 1, 'the file is empty'],
  ['worth-unknown-side.yaml', 87, 27, 'unknown side "eastlnd"; did you mean "eastland"? (this scenario\'s sides are Westland (westland) and Eastland (eastland): write westland or eastland)'],
  ['wrong-type-list-for-map.yaml', 13, 8, 'expected a mapping, found a list'],
];

describe('broken scenario files', () => {
  it('the corpus has at least 40 files and every one has an expected message', () => {
    const files = readdirSync(BROKEN).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  it('the scenario they were broken from is valid', () => {
    const r = loadScenarioFile(VALID);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });

  // The timeout is the "never hangs" bound: parsing is milliseconds, an alias bomb or deep nesting would be minutes.
  it.each(EXPECTED)('%s: line %i, column %i: %s', { timeout: 5000 }, (file, line, column, fragment, reportedIn) => {
    const r = loadScenarioFile(join(BROKEN, file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.problems.find((p) => p.severity === 'error')!;
    expect(basename(first.file)).toBe(reportedIn ?? file);
    expect({ line: first.line, column: first.column }).toEqual({ line, column });
    expect(first.message).toContain(fragment);
    for (const p of r.problems) {
      const text = formatProblem(p);
      expect(text).toMatch(/^[^\n]+:\d+:\d+: /);
      expect(text).not.toContain('\n');
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });

  it('a 5 MB file is refused by its size, at once, without being parsed', { timeout: 5000 }, () => {
    const valid = readFileSync(VALID, 'utf8');
    const big = valid + `\n# padding\n${'# ' + 'x'.repeat(98) + '\n'}`.repeat(50_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    const r = loadScenarioText(big, 'big.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining(`at most ${MAX_SCENARIO_BYTES}`) })]);
  });

  it('a byte order mark at the start (as Windows editors write) is no mistake, in JSON or YAML', () => {
    const yamlText = readFileSync(VALID, 'utf8');
    expect(loadScenarioText(`\ufeff${yamlText}`, 'bom.yaml').ok).toBe(true);
    const json = JSON.stringify({ id: 'bom', title: 'BOM', turns: 4, sides: { us: { name: 'A', priorities: { arms: 5 } }, ru: { name: 'B', priorities: { arms: 5 } } }, tracks: [{ id: 'arms', name: 'Arms', start: 'a', stages: { a: { name: 'A', on: { SIGN: 'b' } }, b: { name: 'B', value: 1, final: true } } }], cards: [{ id: 'c', side: 'us', track: 'arms', title: 'C', text: 'C.', value: 3 }, { id: 'd', side: 'ru', track: 'arms', title: 'D', text: 'D.', value: 3 }] }, null, 2);
    const j = loadScenarioText(`\ufeff${json}`, 'bom.json');
    expect(j.ok ? [] : j.problems.map(formatProblem)).toEqual([]);
    // A mistake on line 1 is still at its column as the editor shows it.
    const bad = loadScenarioText(`\ufeff${json.replace('"id": "bom"', '"id": 5')}`, 'bom.json');
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:9']);
  });

  it('lists a file\'s problems in the order of its lines', () => {
    // The schema validator reports the unknown field (line 12) before the wrong type above it (line 11).
    const text = readFileSync(VALID, 'utf8').replace('summary: Two capitals, one treaty, and not much time.\n', 'summary: [a, b]\nsumary2: x\n');
    const r = loadScenarioText(text, 'order.yaml');
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual(['11:10 summary', '12:1 sumary2']);
  });

  it('says what was expected and what was found, with the path into the scenario', () => {
    const r = loadScenarioFile(join(BROKEN, 'turns-not-a-number.yaml'));
    expect(r.ok ? '' : formatProblem(r.problems[0])).toBe(`${join(BROKEN, 'turns-not-a-number.yaml')}:10:8: expected a whole number, found string "eight" (at turns)`);
    const t = loadScenarioFile(join(BROKEN, 'transition-unknown-stage.yaml'));
    expect(t.ok ? [] : t.problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['tracks[0].stages.talks.on.SIGN']);
    // One mistake, one message: no "missing field" for a field that is there under a misspelled name,
    // and no complaint from the other form of a transition (a stage id) when the { to, needs } form was meant.
    for (const [file, path] of [
      ['singular-field.yaml', 'sides.ru.priority'],
      ['needs-misspelled-condition.yaml', 'tracks[1].stages.closed.on.SIGN.needs.trustAtleast'],
    ]) {
      const r = loadScenarioFile(join(BROKEN, file));
      expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([path]);
    }
  });
});
