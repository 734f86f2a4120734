// The argument a host gives an engine process it starts as a spare (src-main/engine/warmEngine.ts):
// such an engine warms up before it says `ready` (warmUp.ts). Its own file, so the host need not load the engine.
export const WARM_UP_FLAG = '--warm-up';
