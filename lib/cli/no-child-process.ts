// Stands in for node:child_process in the CLI bundle (see lib/scripts/build-node.mjs): commander only
// spawns for executable sub-commands, and saml-lens defines none.
const unavailable = (): never => {
  throw new Error('saml-lens runs no sub-processes');
};
export const spawn = unavailable;
export const execFileSync = unavailable;
export default { spawn, execFileSync };
