// The virtual modules made by ./built-in-plugin.ts.
declare module 'virtual:reset/built-in-scenarios' {
  import type { Text } from '../engine';
  import type { LoadResult } from './load';
  export interface BuiltInScenario {
    /** e.g. reset-2009.yaml */
    file: string;
    title: Text;
    year: number;
    /** Its two sides in the scenario's order: the id and the name the title screen offers. */
    sides: { id: string; name: Text }[];
    /** Its full length in turns, and its class length's (null: it has none). */
    turns: number;
    classTurns: number | null;
    /** The file's text and the checker's result for it (always ok: files that fail are not listed). */
    open(): Promise<{ text: string; result: LoadResult }>;
  }
  export const builtIns: BuiltInScenario[];
}
