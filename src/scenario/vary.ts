// Varied briefs: the shipped scenarios are public files, so a student who reads one would know the other
// team's hidden priorities and red lines. With "vary the briefs" on, the classroom server gives each table
// its own version, moved within the limits the scenario declares under `classroom.vary`. Pure and seeded:
// the same scenario and seed always give the same table, so a session replays exactly after a restart.
import { makeRandom, textOf, type Scenario, type Side } from '../engine';

/** One way a table's brief differs from the scenario file. */
export type BriefChange =
  | { side: Side; kind: 'priority'; track: string; from: number; to: number }
  | { side: Side; kind: 'redLine'; card: string; redLine: boolean };

export interface VariedScenario {
  scenario: Scenario;
  changes: BriefChange[];
}

/** The seed of a table's variation, kept apart from its game seed (the same number must not drive both). */
export const variationSeed = (gameSeed: number) => (gameSeed ^ 0x5eed_b1ef) >>> 0;

/**
 * This table's scenario: each listed priority moved by a whole number of points within its spread (and 0–10),
 * and `pick` of the listed cards as red lines (with the side's other red lines kept). The `classroom` section
 * itself is dropped: the table plays what it got, not the limits.
 */
export function varyScenario(scenario: Scenario, seed: number): VariedScenario {
  const random = makeRandom(seed);
  const changes: BriefChange[] = [];
  const { classroom: _limits, ...played } = scenario;
  const out: Scenario = structuredClone(played);
  for (const side of scenario.seats) {
    const limits = scenario.classroom?.vary[side];
    if (!limits) continue;
    const def = out.sides[side];
    for (const [track, spread] of Object.entries(limits.priorities)) {
      const from = def.priorities[track] ?? 0;
      const to = Math.min(10, Math.max(0, from + Math.floor(random() * (2 * spread + 1)) - spread));
      if (to !== from) changes.push({ side, kind: 'priority', track, from, to });
      def.priorities[track] = to;
    }
    if (limits.redLines) {
      const listed = new Set(limits.redLines.from.map((r) => r.card));
      // A partial Fisher–Yates shuffle picks `pick` candidates; they keep the order the author listed them in.
      const order = limits.redLines.from.map((_, i) => i);
      for (let i = 0; i < Math.min(limits.redLines.pick, order.length); i++) {
        const j = i + Math.floor(random() * (order.length - i));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const chosen = new Set(order.slice(0, limits.redLines.pick));
      const picked = limits.redLines.from.filter((_, i) => chosen.has(i));
      const before = new Set(def.redLines.map((r) => r.card));
      def.redLines = [...def.redLines.filter((r) => !listed.has(r.card)), ...picked.map((r) => ({ ...r }))];
      for (const r of limits.redLines.from) {
        const now = picked.some((p) => p.card === r.card);
        if (now !== before.has(r.card)) changes.push({ side, kind: 'redLine', card: r.card, redLine: now });
      }
    }
  }
  return { scenario: out, changes };
}

/** The scenario a table plays: varied with the table's seed when the teacher asked for it, else the file's own. */
export function tableScenario(scenario: Scenario, gameSeed: number, vary: boolean): VariedScenario {
  if (vary) return varyScenario(scenario, variationSeed(gameSeed));
  const { classroom: _limits, ...played } = scenario;
  return { scenario: played, changes: [] };
}

/** A change in words, for the debrief and the log: "Russia: arms control 8 → 6", "United States: red line: Cancel the shield". */
export function describeChange(scenario: Scenario, c: BriefChange): string {
  const who = textOf(scenario.sides[c.side].name);
  if (c.kind === 'priority') {
    const track = scenario.tracks.find((t) => t.id === c.track);
    return `${who}: ${track ? textOf(track.name) : c.track} ${c.from} → ${c.to}`;
  }
  const card = scenario.cards.find((x) => x.id === c.card);
  return `${who}: ${card ? textOf(card.title) : c.card} ${c.redLine ? 'became a red line' : 'is no red line here'}`;
}
