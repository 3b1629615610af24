// Model-based checks of every track machine in every shipped scenario, with xstate's own graph tools:
// every stage can be reached, no stage short of the end is a trap, and our fast stepper agrees with xstate.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  conditionsHold,
  createGame,
  nextStage,
  trackMachine,
  TRACK_EVENTS,
  type Conditions,
  type GameState,
  type Scenario,
  type TrackDef,
} from '../../src/engine';
import type { TrackMachineEvent } from '../../src/engine/track-machine';
import { shippedScenarios } from './engine-test-kit';

/**
 * A game in which `needs` holds for `track`: meters, turn, linked tracks, channels and concessions
 * set just so. Returns null when the conditions contradict each other (a scenario bug).
 */
function gameSatisfying(scenario: Scenario, base: GameState, track: string, needs: Conditions | undefined): GameState | null {
  const g = structuredClone(base) as GameState;
  if (!needs) return g;
  const setMeter = (path: string, v: number) => {
    if (path === 'escalation') g.meters.escalation = v;
    else {
      const [group, key] = path.split('.');
      (g.meters as unknown as Record<string, Record<string, number>>)[group][key] = v;
    }
  };
  if (needs.trustAtLeast !== undefined) for (const s of ['us', 'ru'] as const) g.meters.trust[s] = Math.max(g.meters.trust[s], needs.trustAtLeast);
  if (needs.trustBelow !== undefined) g.meters.trust.us = Math.min(g.meters.trust.us, needs.trustBelow - 1);
  if (needs.supportAtLeast !== undefined) for (const s of ['us', 'ru'] as const) g.meters.support[s] = Math.max(g.meters.support[s], needs.supportAtLeast);
  if (needs.escalationAtLeast !== undefined) g.meters.escalation = Math.max(g.meters.escalation, needs.escalationAtLeast);
  if (needs.escalationBelow !== undefined) g.meters.escalation = Math.min(g.meters.escalation, needs.escalationBelow - 1);
  if (needs.turnAtLeast !== undefined) g.turn = Math.max(g.turn, needs.turnAtLeast);
  if (needs.turnAtMost !== undefined) g.turn = Math.min(g.turn, needs.turnAtMost);
  for (const link of needs.trackAtStage ?? []) g.tracks[link.track] = { stage: link.stages[0], since: 0 };
  for (const m of needs.meterAtLeast ?? []) setMeter(m.meter, m.value);
  for (const m of needs.meterBelow ?? []) setMeter(m.meter, m.value - 1);
  if (needs.channelOpen) g.channels[needs.channelOpen] = { open: true, requested: [] };
  if (needs.channelClosed) g.channels[needs.channelClosed] = { open: false, requested: [] };
  if (needs.concessionsAtLeast !== undefined) {
    g.agreements.push({
      id: 'A-test',
      turn: 1,
      proposer: 'us',
      format: 'bilateral',
      tracks: [track],
      cardsPerTrack: { [track]: needs.concessionsAtLeast },
      status: 'signed',
      obligations: {
        us: { cards: [], status: 'implemented', delays: 0, decidedTurn: 0, verified: false, exposed: false },
        ru: { cards: [], status: 'implemented', delays: 0, decidedTurn: 0, verified: false, exposed: false },
      },
    });
  }
  return conditionsHold(g, needs, track) ? g : null;
}

/** The worlds a track's guards may meet: the opening position and one that satisfies each guard. */
function worldsFor(scenario: Scenario, def: TrackDef): { label: string; game: GameState }[] {
  const base = createGame(scenario, 1);
  const worlds = [{ label: 'start', game: base }];
  for (const stage of def.stages) {
    for (const [type, t] of Object.entries(stage.on)) {
      if (!t?.needs) continue;
      const game = gameSatisfying(scenario, base, def.id, t.needs);
      if (game) worlds.push({ label: `${stage.id}.${type}`, game });
    }
  }
  return worlds;
}

function eventsFor(scenario: Scenario, def: TrackDef) {
  const labels = new Map<TrackMachineEvent, string>();
  const events: TrackMachineEvent[] = [];
  for (const w of worldsFor(scenario, def)) {
    for (const type of TRACK_EVENTS) {
      const e: TrackMachineEvent = { type, game: w.game, track: def.id };
      labels.set(e, `${type}@${w.label}`);
      events.push(e);
    }
  }
  return { events, serializeEvent: (e: { type: string }) => labels.get(e as TrackMachineEvent) ?? e.type };
}

const stageOf = (snapshot: { value: unknown }) => String(snapshot.value);

for (const [id, scenario] of shippedScenarios()) {
  describe(`the track machines of ${id}`, () => {
    for (const def of scenario.tracks) {
      const machine = trackMachine(def);
      const { events, serializeEvent } = eventsFor(scenario, def);
      const traversal = { events, serializeEvent, serializeState: (s: { value: unknown }) => stageOf(s) };

      it(`every guard on ${def.id} can be satisfied by some game`, () => {
        const base = createGame(scenario, 1);
        for (const stage of def.stages)
          for (const [type, t] of Object.entries(stage.on))
            expect(gameSatisfying(scenario, base, def.id, t?.needs), `${stage.id} --${type}--> ${t?.to} needs ${JSON.stringify(t?.needs)}`).not.toBeNull();
      });

      it(`every stage of ${def.id} can be reached from "${def.start}"`, () => {
        const reached = new Set(getShortestPaths(machine, traversal).map((p) => stageOf(p.state)));
        expect([...reached].sort()).toEqual(def.stages.map((s) => s.id).sort());
      });

      it(`every transition written for ${def.id} is taken by some path from its stage`, () => {
        const taken = new Set<string>();
        for (const stage of def.stages) {
          const fromState = machine.resolveState({ value: stage.id, context: {} });
          for (const path of getSimplePaths(machine, { ...traversal, fromState })) {
            let from = stage.id;
            for (const step of path.steps.slice(1)) {
              taken.add(`${from} ${step.event.type} ${stageOf(step.state)}`);
              from = stageOf(step.state);
            }
          }
        }
        const written = def.stages.flatMap((s) => Object.entries(s.on).map(([type, t]) => `${s.id} ${type} ${t!.to}`));
        for (const t of written) expect(taken, t).toContain(t);
      });

      it(`no stage of ${def.id} short of the end is a dead end: a final stage can always be reached again`, () => {
        const finals = new Set(def.stages.filter((s) => s.final).map((s) => s.id));
        for (const stage of def.stages) {
          if (stage.final) {
            expect(Object.keys(stage.on), `${stage.id} is final and has no way out`).toEqual([]);
            continue;
          }
          const fromState = machine.resolveState({ value: stage.id, context: {} });
          const onward = getShortestPaths(machine, { ...traversal, fromState }).map((p) => stageOf(p.state));
          expect(onward.filter((s) => s !== stage.id), `${stage.id} leads nowhere`).not.toEqual([]);
          if (finals.size > 0) expect(onward.some((s) => finals.has(s)), `no final stage can be reached from ${stage.id}`).toBe(true);
        }
      });

      it(`the fast stepper agrees with xstate's transition() on every stage and event of ${def.id}`, () => {
        for (const stage of def.stages) {
          const snapshot = machine.resolveState({ value: stage.id, context: {} });
          for (const event of events) {
            const [next] = transition(machine, snapshot, event);
            expect(nextStage(def, stage.id, event.type, event.game), `${stage.id} on ${serializeEvent(event)}`).toBe(stageOf(next));
          }
        }
      });
    }
  });
}

describe('what a track shows as its next step', () => {
  it('is the step the players move it by, never a setback, and in 2009 arms control starts one signature from a joint understanding', async () => {
    const { nextForwardStep, textOf } = await import('../../src/engine');
    for (const [, scenario] of shippedScenarios())
      for (const t of scenario.tracks)
        for (const st of t.stages) {
          const n = nextForwardStep(t, st.id);
          if (n) expect(['SIGN', 'IMPLEMENT', 'VERIFY', 'TALKS']).toContain(n.on);
          if (st.final) expect(n).toBeNull();
        }
    const reset = shippedScenarios().find(([id]) => id === 'reset-2009')![1];
    const arms = reset.tracks.find((t) => t.id === 'arms')!;
    const next = nextForwardStep(arms, arms.start);
    expect(next?.on).toBe('SIGN');
    expect(textOf(arms.stages.find((s) => s.id === next?.to)?.name)).toBe('Joint understanding');
  });
});
