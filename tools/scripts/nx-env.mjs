/** Environment for every Nx call the scripts make: no cloud, no daemon, nothing off-machine. */
export const nxEnv = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
