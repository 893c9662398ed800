// The messages the server and its PGlite child process exchange over the IPC channel. Kept apart from
// pglite-process.ts so that the client, which only needs their shape, does not import the child's module.
export type ParentMessage = { type: 'stop' };
export type ChildMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };
