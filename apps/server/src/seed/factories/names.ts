// Made-up names that never collide, within a process or across runs.

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
