// The starter scenario `npm run scenario:new` writes: small, commented, valid, meant to be edited.

/** One of the two sides, as the author names it: its id in the file and its name in the game. */
export interface StarterSide {
  id: string;
  name: string;
}

/** The sides of a starter when the author names none (the guide's walkthrough uses the same two). */
export const STARTER_SIDES: readonly [StarterSide, StarterSide] = [
  { id: 'westland', name: 'Westland' },
  { id: 'eastland', name: 'Eastland' },
];

/** A side's name from its id, until the author writes one: east-timor → East Timor. */
export const nameOfId = (id: string): string => id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** Why two side ids cannot be a scenario's sides, or undefined when they can. */
export function whyNotSides(a: string, b: string): string | undefined {
  for (const id of [a, b]) if (!/^[a-z][a-z0-9-]{0,39}$/.test(id)) return `"${id}" is not a usable side id: use lower-case letters, digits and dashes, starting with a letter`;
  if (a === b) return `the two sides need two different ids, not "${a}" twice`;
  return undefined;
}

/** A YAML scalar that stays plain text whatever the author typed (a name with ": " or "#" in it). */
const yamlText = (s: string) => (/^[A-Za-z][\w .'()-]*$/.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s));

export function starterScenario(id: string, schemaPath = './schema.json', sides: readonly [StarterSide, StarterSide] = STARTER_SIDES): string {
  const [a, b] = sides.map((s) => s.id);
  const [nameA, nameB] = sides.map((s) => yamlText(s.name));
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

# The two sides, each under an id you choose (lower-case, e.g. india and pakistan): the id names the
# side everywhere else in this file (a card's side; the meters trust.${a}, support.${a}, hawks.${a}).
# The first side proposes first. name is what players see.
sides:
  ${a}:
    name: ${nameA}
    goal: 6         # the score at which this side counts the game a success
    reservation: 1  # what it can get with no deal at all, in score points (default 0)
    start: { trust: 40, support: 60, hawks: 40 }   # meters run from 0 to 100
    brief: You want the treaty signed, but your parliament watches every concession.
    priorities: { arms: 8, trade: 3 }    # hidden weights 0-10 per track id
  ${b}:
    name: ${nameB}
    goal: 6         # no start: trust 40, support 60, hawks 40
    brief: You want respect and trade; a treaty is worth something only if it is equal.
    priorities: { arms: 5, trade: 7 }
    # Optional: how the computer plays this side, at every difficulty (difficulty changes only its skill).
    # Leave it out and the computer mirrors what the other side concedes.
    counterpart:
      concession: boulware          # boulware (holds firm until late), conceder (gives early) or tit-for-tat
      wants: { tracks: [trade] }    # what it asks for first
      tone: { prefers: neutral, patience: 1 }   # lets one hostile statement pass before answering in kind
      why: It wants trade first, and will not be hurried into a treaty.

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

# Concessions: who gives each (a side's id), on which track, and how much the other side values it (1-5).
cards:
  - id: cut-warheads
    side: ${a}
    track: arms
    title: Cut warheads
    text: Reduce deployed warheads.
    # Graded options: each is a card of its own, by its id; a package holds one of them.
    # List them from the least to the most conceded; each gives its own value.
    options:
      - { id: cut-warheads-tenth, title: Cut warheads by a tenth, value: 2 }
      - { id: cut-warheads-third, title: Cut warheads by a third, value: 4 }
  - id: cut-launchers
    side: ${b}
    track: arms
    title: Cut launchers
    text: Reduce deployed launchers to the treaty limit.
    value: 4
  - id: lift-tariffs
    side: ${a}
    track: trade
    title: Lift tariffs
    text: Lift tariffs on steel.
    value: 3
  - id: open-market
    side: ${b}
    track: trade
    title: Open the market
    text: Let foreign firms bid for contracts.
    value: 3
    worth: { ${a}: 2, ${b}: 1 }   # optional: its worth to each side (both positive: good for both)

# Things that happen from outside: on a turn, when conditions hold, or by chance.
events:
  - id: spy-scandal
    title: Spy scandal
    text: A spy ring is uncovered; hawks on both sides demand a response.
    trigger: { chance: 0.2 }
    effects:
      - { meter: trust.${a}, delta: -8 }
      - { meter: escalation, delta: 10 }
`;
}
