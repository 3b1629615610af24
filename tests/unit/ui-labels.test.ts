// The words the page shows for the engine's data.
import { describe, expect, it } from 'vitest';
import { scenarioLabel } from '../../src/ui/labels';

describe('the title screen’s scenario menu', () => {
  it('says a title that names its year once, and adds the year to one that does not', () => {
    expect(scenarioLabel('Reset 2009', 2009)).toBe('Reset 2009');
    expect(scenarioLabel('Lumber talks', 2018)).toBe('Lumber talks (2018)');
  });
  it('marks a scenario opened from a file as a custom file', () => {
    expect(scenarioLabel('My classroom reset', 2009, true)).toBe('My classroom reset (2009) — custom file');
  });
});
