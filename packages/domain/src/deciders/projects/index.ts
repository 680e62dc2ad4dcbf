import { projectEventSchemas, type ProjectEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { ProjectCommand } from './commands';
import { decideProject } from './decide';
import { evolveProject, initialProjectState, type ProjectState } from './state';

export * from './commands';
export * from './state';
export { decideProject } from './decide';

export const projectDecider: StreamDecider<ProjectState, ProjectCommand, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  isEvent: eventsOf(projectEventSchemas),
  initialState: initialProjectState,
};
