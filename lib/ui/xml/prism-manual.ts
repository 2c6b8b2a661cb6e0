// Prism highlights every `.language-*` element of the page on load unless told otherwise before it runs;
// we only ever call Prism.tokenize, so switch the automatic pass off. Must be imported before 'prismjs'.
const g = globalThis as { Prism?: { manual?: boolean; disableWorkerMessageHandler?: boolean } };
g.Prism = { ...(g.Prism ?? {}), manual: true, disableWorkerMessageHandler: true };
export {};
