// Phaser's CommonJS source files, reached through the 'phaser-src' alias in the production build.
declare module 'phaser-src/*' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const value: any;
  export default value;
}
