import { benefitMapDecider } from '@gevinst/domain/deciders';
import { benefitMapStream } from '@gevinst/domain/events';
import * as I from '../inputs';
import { defineCommand, stepOn, type CommandEnv, type CommandSpec } from '../spec';

/**
 * The gevinstkart's commands, on the map of the project in the path (`targetId`). The map's stream
 * begins with its first node, so the project, not the stream, must exist (the decider checks). A
 * new node or edge gets the answer's id.
 */
const onMap = <Input>(
  name: string,
  summary: string,
  input: CommandSpec<Input>['input'],
  command: (projectId: string, id: string, input: Input, env: CommandEnv) => Parameters<typeof benefitMapDecider.decide>[0],
): CommandSpec<Input> =>
  defineCommand({
    name,
    summary,
    input,
    id: 'new:benefitmap',
    steps: ({ id, targetId, input: value, env }) => [stepOn(benefitMapDecider, benefitMapStream(targetId ?? ''), command(targetId ?? '', id, value, env))],
  });

export const benefitMapCommands: Record<string, CommandSpec> = {
  addMapNode: onMap('addMapNode', 'Legg til en node i gevinstkartet', I.AddMapNodeInput, (projectId, nodeId, input, context) => ({
    type: 'AddMapNode',
    data: { projectId, nodeId, ...input },
    context,
  })),
  changeMapNode: onMap('changeMapNode', 'Gi en node i gevinstkartet nytt navn eller ny kobling til gevinst eller mål', I.ChangeMapNodeInput, (projectId, _id, input, context) => ({
    type: 'ChangeMapNode',
    data: { projectId, ...input },
    context,
  })),
  removeMapNode: onMap('removeMapNode', 'Fjern en node (og pilene til og fra den) fra gevinstkartet', I.RemoveMapNodeInput, (projectId, _id, input, context) => ({
    type: 'RemoveMapNode',
    data: { projectId, ...input },
    context,
  })),
  addMapEdge: onMap('addMapEdge', 'Koble to noder i gevinstkartet, med forutsetningen', I.AddMapEdgeInput, (projectId, edgeId, input, context) => ({
    type: 'AddMapEdge',
    data: { projectId, edgeId, ...input },
    context,
  })),
  removeMapEdge: onMap('removeMapEdge', 'Fjern en kobling fra gevinstkartet', I.RemoveMapEdgeInput, (projectId, _id, input, context) => ({
    type: 'RemoveMapEdge',
    data: { projectId, ...input },
    context,
  })),
};
