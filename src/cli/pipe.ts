// `npm run sim -- ... | head`: when the reader stops reading, stop quietly instead of printing a
// stack trace for EPIPE (the output it wanted was already shown).
export function exitQuietlyWhenPipeCloses(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
}
