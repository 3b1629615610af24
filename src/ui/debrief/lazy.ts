// The debrief is needed once, at the end of a game: load its code then, not at start-up.
import type { DebriefInput } from './debrief';

export async function mountDebriefLazily(container: HTMLElement, input: DebriefInput): Promise<{ destroy(): void }> {
  const { mountDebrief } = await import('./debrief');
  return mountDebrief(container, input);
}
