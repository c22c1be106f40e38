/** The part of @asyncapi/generator (which ships no types) that `ensureAsyncApiHtml` (asyncapi-html.ts) uses. */
declare module '@asyncapi/generator' {
  export default class Generator {
    constructor(
      templateDir: string,
      targetDir: string,
      options: { forceWrite?: boolean; install?: boolean; templateParams?: Record<string, string> },
    );
    generateFromFile(path: string): Promise<void>;
  }
}
