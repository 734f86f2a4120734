// Shapes and problems for the nodes and edges of whichever graph a canvas shows.
import { createContext } from 'react';
import type { GraphCheck } from '../validation/graphCheck';

export const emptyCheck: GraphCheck = { ok: false, shapes: {}, issues: [], nodeIssues: {} };

export const GraphCheckContext = createContext<GraphCheck>(emptyCheck);
