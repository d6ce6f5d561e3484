/** Vite's `?raw` imports (text files as strings), for tsconfigs without `vite/client` types. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
