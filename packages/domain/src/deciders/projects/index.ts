import type { ProjectEvent } from '../../events';
import type { Decider } from '../decider';
import type { ProjectCommand } from './commands';
import { decideProject } from './decide';
import { evolveProject, initialProjectState, type ProjectState } from './state';

export * from './commands';
export * from './state';
export { decideProject } from './decide';

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
