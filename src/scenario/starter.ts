// The starter scenario `npm run scenario:new` writes: small, commented, valid, meant to be edited.

export function starterScenario(id: string, schemaPath = './schema.json'): string {
  return `# yaml-language-server: $schema=${schemaPath}
# (That first line lets editors with the YAML extension complete field names and underline mistakes;
# its path leads from this file to the game's scenarios/schema.json.)
# A starter scenario for Reset. Edit it, then check it with:
#   npm run scenario:check -- <this file>
# or, from a folder outside the game's: npm --prefix <the game's folder> run scenario:check -- <this file>
# Every field is described in docs/scenario-authoring.md. Text can be plain English,
# or { en: ..., ru: ... } with a Russian translation. Ids are lower-case words with dashes.
id: ${id}
title: My negotiation
year: 2010
turns: 8            # how many turns the game lasts (1-40)
summary: Two capitals, one treaty, and not much time.
# What really happened, for the debrief: in words, and (optional) where history left each track.
history:
  text: The treaty was signed but never ratified; the markets stayed closed.
  tracks:
    arms: { stage: signed }
    trade: { stage: closed }

# The two seats are always us and ru (the U.S. and Russia in the shipped scenarios); the names
# shown in the game are yours, so they can be any two countries.
sides:
  us:
    name: United States
    goal: 6         # the score at which this side counts the game a success
    start: { trust: 40, support: 60, hawks: 40 }   # meters run from 0 to 100
    brief: You want the treaty signed, but the Senate watches every concession.
    priorities: { arms: 8, trade: 3 }    # hidden weights 0-10 per track id
  ru:
    name: Russia
    goal: 6         # no start: trust 40, support 60, hawks 40
    brief: You want respect and trade; a treaty is worth something only if it is equal.
    priorities: { arms: 5, trade: 7 }
    # Optional: how the computer plays this side, at every difficulty (difficulty changes only its skill).
    # Leave it out and the computer mirrors what the other side concedes.
    counterpart:
      concession: boulware          # boulware (holds firm until late), conceder (gives early) or tit-for-tat
      wants: { tracks: [trade] }    # what it asks for first
      tone: { prefers: neutral, patience: 1 }   # lets one hostile statement pass before answering in kind
      why: Moscow wants trade first, and will not be hurried into a treaty.

# A track is a ladder of stages. Events move it: TALKS, SIGN, IMPLEMENT, VERIFY, DELAY, DEFECT, STALL, SHOCK.
tracks:
  - id: arms
    name: Arms control treaty
    start: talks
    stages:
      talks:
        name: Talks
        on: { SIGN: signed }            # a signed deal with cards on this track moves it on
      signed:
        name: Treaty signed
        value: 0.6                      # share of the track's worth realised here
        on:
          IMPLEMENT: in-force
          DEFECT: talks
      in-force:
        name: Treaty in force
        value: 1
        final: true
  - id: trade
    name: Trade
    start: closed
    stages:
      closed:
        name: Markets closed
        on:
          SIGN:
            to: open
            needs: { trustAtLeast: 30 }  # a guard: both sides' trust at least 30
      open:
        name: Markets open
        value: 1
        on: { DEFECT: closed }

# Concessions: who gives each, on which track, and how much the other side values it (1-5).
cards:
  - id: cut-warheads
    side: us
    track: arms
    title: Cut warheads
    text: Reduce deployed warheads by a third.
    value: 4
  - id: cut-launchers
    side: ru
    track: arms
    title: Cut launchers
    text: Reduce deployed launchers to the treaty limit.
    value: 4
  - id: lift-tariffs
    side: us
    track: trade
    title: Lift tariffs
    text: Lift tariffs on steel.
    value: 3
  - id: open-market
    side: ru
    track: trade
    title: Open the market
    text: Let foreign firms bid for contracts.
    value: 3

# Things that happen from outside: on a turn, when conditions hold, or by chance.
events:
  - id: spy-scandal
    title: Spy scandal
    text: A spy ring is uncovered; hawks on both sides demand a response.
    trigger: { chance: 0.2 }
    effects:
      - { meter: trust.us, delta: -8 }
      - { meter: escalation, delta: 10 }
`;
}
