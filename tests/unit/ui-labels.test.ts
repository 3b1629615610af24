// The words the page shows for the engine's data.
import { describe, expect, it } from 'vitest';
import { colourSlot, SEAT_COLORS, sideColor, sideFlag, scenarioLabel, scoreSoFarWords, signed } from '../../src/ui/labels';

describe('the title screen’s scenario menu', () => {
  it('says a title that names its year once, and adds the year to one that does not', () => {
    expect(scenarioLabel('Reset 2009', 2009)).toBe('Reset 2009');
    expect(scenarioLabel('Lumber talks', 2018)).toBe('Lumber talks (2018)');
  });
  it('marks a scenario opened from a file as a custom file', () => {
    expect(scenarioLabel('My classroom reset', 2009, true)).toBe('My classroom reset (2009) — custom file');
  });
});

describe('the sides’ colours', () => {
  it('keep the shipped United States blue and Russia vermillion, in whichever order a file writes them', () => {
    expect(sideColor({ seats: ['us', 'ru'] }, 'us')).toBe(0x0072b2);
    expect(sideColor({ seats: ['us', 'ru'] }, 'ru')).toBe(0xd55e00);
    expect(sideColor({ seats: ['ru', 'us'] }, 'us')).toBe(0x0072b2);
    expect(colourSlot({ seats: ['ru', 'us'] }, 'ru')).toBe(1);
  });
  it('give any other scenario’s sides two different colours by their order, even one that keeps one shipped id', () => {
    for (const seats of [['india', 'pakistan'], ['pakistan', 'india'], ['us', 'canada'], ['canada', 'us'], ['ru', 'ua']] as const) {
      expect(seats.map((s) => colourSlot({ seats }, s))).toEqual([0, 1]);
      expect(new Set(seats.map((s) => sideColor({ seats }, s)))).toEqual(new Set(SEAT_COLORS));
    }
  });
});

describe('the sides’ flags', () => {
  it('are the scenario’s own when it names them, and a plain one in the side’s colour when it does not', () => {
    const flag = { colours: ['#ffffff', '#0039a6', '#d52b1e'], pattern: 'bands' as const };
    const sides = { us: { flag }, ru: {} } as unknown as Parameters<typeof sideFlag>[0]['sides'];
    expect(sideFlag({ seats: ['us', 'ru'], sides }, 'us')).toBe(flag);
    expect(sideFlag({ seats: ['us', 'ru'], sides }, 'ru').colours[0]).toBe('#d55e00');
  });
});

describe('signed numbers', () => {
  it('are written with a true minus sign and a plus, the same in the panel as on the table', () => {
    expect(signed(-3)).toBe('−3');
    expect(signed(3)).toBe('+3');
    expect(signed(0)).toBe('0');
    expect(signed(-2.66, 1)).toBe('−2.7');
    expect(signed(-0.04, 1)).toBe('0.0');
    expect(scoreSoFarWords({ score: -2.7, goal: 12 } as Parameters<typeof scoreSoFarWords>[0])).toBe('Your score so far: −2.7 (your goal: 12).');
    expect(scoreSoFarWords({ score: 4, goal: 12 } as Parameters<typeof scoreSoFarWords>[0])).toBe('Your score so far: +4.0 (your goal: 12).');
  });
});
