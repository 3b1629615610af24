import { expect, test } from 'vitest';
import { allLedger, allMoves, createGame, csvCell, csvTable, pendingSides, viewFor } from '../../src/engine';
import { play, shippedScenarios } from './engine-test-kit';

const scenario = () => shippedScenarios().find(([id]) => id === 'reset-2009')![1];

test("after the United States' hostile statement Russia's view shows that it has spoken, not its tone or what it did to the meters; after both, both see both", () => {
  const s = scenario();
  const start = createGame(s, 7);
  expect(start.phase).toBe('statements');
  const spoke = play(s, start, { type: 'statement', side: 'us', tone: 'hostile' });
  const ru = viewFor(spoke, 'ru');
  expect(ru.sealed).toEqual(['us']);
  expect(ru.thisTurn.statements.us).toBeUndefined();
  expect(allMoves(ru).some((m) => m.type === 'statement')).toBe(false);
  expect(allLedger(ru).some((e) => /statement/.test(e.cause))).toBe(false);
  // Everything the hostile words moved reads as before they were said.
  expect(ru.meters).toEqual(start.meters);
  expect(JSON.stringify(ru)).not.toContain('hostile');
  // The speaker sees its own words; the server's pending list (from the state) says the US has spoken.
  const us = viewFor(spoke, 'us');
  expect(us.thisTurn.statements.us).toBe('hostile');
  expect(us.sealed).toBeUndefined();
  expect(pendingSides(spoke)).toEqual(['ru']);
  // Once Russia has spoken, both read both.
  const both = play(s, spoke, { type: 'statement', side: 'ru', tone: 'conciliatory' });
  for (const side of ['us', 'ru'] as const) {
    const v = viewFor(both, side);
    expect(v.sealed).toBeUndefined();
    const tones = allMoves(v).filter((m) => m.type === 'statement').map((m) => (m.type === 'statement' ? `${m.side}:${m.tone}` : ''));
    expect(tones).toEqual(['us:hostile', 'ru:conciliatory']);
  }
});

test('a channel request made while a statement is sealed stays visible; only the statement is held back', () => {
  const s = scenario();
  const channel = s.channels[0].id;
  const state = play(s, createGame(s, 3), { type: 'openChannel', side: 'us', channel }, { type: 'statement', side: 'us', tone: 'conciliatory' });
  const ru = viewFor(state, 'ru');
  expect(allMoves(ru)).toEqual([{ type: 'openChannel', side: 'us', channel }]);
  expect(ru.channels[channel].requested).toEqual(['us']);
});

test('a CSV cell that a spreadsheet would run as a formula starts with an apostrophe, and quoting follows RFC 4180', () => {
  expect(csvCell('=HYPERLINK("http://ev.il","Grade")')).toBe(`"'=HYPERLINK(""http://ev.il"",""Grade"")"`);
  for (const evil of ['+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
  expect(csvCell(-3)).toBe('-3');
  expect(csvCell('Sam, the lead')).toBe('"Sam, the lead"');
  expect(csvTable(['a', 'b'], [['x', null]])).toBe('a,b\r\nx,\r\n');
});
