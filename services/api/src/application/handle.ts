import { schemaVersionOf, type GevinstEvent } from '@gevinst/domain/events';
import { parseWith, ValidationError } from '@gevinst/domain/errors';
import { IdempotencyKeyStoredError, WrongExpectedRevisionError, type AppendResult, type EventStore, type EventToAppend, type IdempotencyRecord } from '@gevinst/eventstore';
import { upcastRecorded, type ReadModels } from '@gevinst/projections';
import { v7 as uuidv7 } from 'uuid';
import { authorize, refusalOf } from '@gevinst/domain/access';
import type { ActingPerson } from '../auth/actor';
import { commandFacts, outsideTenants, unitsNamedBy } from './access';
import { benefitsLookup, goalsLookup, owedLookup, plannedBenefitsLookup, projectsLookup, unitsLookup } from './context';
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError, NotFoundError, PreconditionFailedError } from './errors';
import { fingerprintOf, type IdempotencyKeys, type StoredAnswer } from './idempotency';
import type { CommandEnv, CommandSpec, Step } from './spec';
import { StreamStates } from './streamStates';

export interface HandleRequest {
  /** application command name, see `commandNames` */
  command: string;
  /** the id in the path (`/api/projects/:id/costs`) */
  targetId?: string;
  input: unknown;
  userId: string;
  /**
   * the authenticated person (HTTP): the policy decides whether they may, and the events record them
   * and the role they acted in. Absent for Gevinst's own processes (demo loader, merger completion).
   */
  actor?: ActingPerson;
  idempotencyKey?: string;
  /** `If-Match`: the revision the client last saw of the target's stream */
  expectedRevision?: string;
  correlationId?: string;
  causationId?: string;
}

export interface HandleResult {
  id: string;
  /** the stream's revision after the append, as a string */
  revision: string;
  /** global position of the last event written (for read-your-own-writes) */
  position: string | null;
}

export interface ApplicationDeps {
  store: EventStore;
  readModels: ReadModels;
  idempotency: IdempotencyKeys;
  commands: Record<string, CommandSpec>;
  clock?: () => string;
  newId?: () => string;
  /** how many streams' decided states to keep between commands (default `DEFAULT_STREAM_STATES`; 0 keeps none) */
  streamStates?: number;
}

const isHandleResult = (value: unknown): value is HandleResult =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  typeof value.id === 'string' &&
  'revision' in value &&
  typeof value.revision === 'string' &&
  'position' in value &&
  (value.position === null || typeof value.position === 'string');

const UNKNOWN_COMMAND = (name: string) =>
  new ValidationError(`Ukjent kommando: ${name}`, [{ path: 'command', message: `Ukjent kommando: ${name}` }], 'unknown_command');

/** ids are made by the API (UUID v7); anything else that could name a stream is welcome too */
const ID = /^[A-Za-z0-9][\w.:-]{0,199}$/;

const streamOf = (category: string, id: string) => `${category}-${id}`;

/** the Idempotency-Key of a request, to be stored with its first answer */
interface KeyToStore {
  userId: string;
  key: string;
  fingerprint: string;
}

/**
 * The application layer: one entry for the HTTP routes, the spreadsheet import and the demo
 * loader. Validates the input, fills the command's context from the read models, folds the stream,
 * decides, appends with the expected revision, and waits until the read models include the write.
 * Nothing is written when any step refuses.
 */
export class Application {
  private readonly clock: () => string;
  private readonly newId: () => string;
  private readonly inFlight = new Map<string, Promise<HandleResult>>();
  private readonly env: Omit<CommandEnv, 'now'>;
  /** decided state of the streams commands went to last (see `StreamStates`) */
  readonly streamStates: StreamStates;

  constructor(private readonly deps: ApplicationDeps) {
    this.clock = deps.clock ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
    this.streamStates = new StreamStates(deps.streamStates);
    this.env = {
      units: unitsLookup(deps.readModels.units),
      projects: projectsLookup(deps.readModels.portfolio),
      plannedBenefits: plannedBenefitsLookup(deps.readModels.portfolio),
      owed: owedLookup(deps.readModels.ledger),
      benefits: benefitsLookup(deps.readModels.portfolio),
      goals: goalsLookup(deps.readModels.goals),
    };
  }

  get commandNames(): string[] {
    return Object.keys(this.deps.commands);
  }

  handle = async (request: HandleRequest): Promise<HandleResult> => {
    const { idempotencyKey, userId } = request;
    if (!idempotencyKey) return this.run(request);
    const slot = `${userId}\u0000${idempotencyKey}`;
    // a retry racing the first attempt waits for it and then reads its stored answer
    for (let pending = this.inFlight.get(slot); pending; pending = this.inFlight.get(slot)) await pending.catch(() => undefined);
    const fingerprint = fingerprintOf([request.command, request.targetId ?? null, request.input]);
    const stored = await this.deps.idempotency.get(userId, idempotencyKey);
    if (stored) return this.firstAnswer(stored, fingerprint, idempotencyKey);
    const attempt = this.run(request, { userId, key: idempotencyKey, fingerprint });
    this.inFlight.set(slot, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(slot);
    }
  };

  /** the stored answer to a key, for a request with this fingerprint (another request with the key: 422) */
  private firstAnswer(stored: StoredAnswer, fingerprint: string, idempotencyKey: string): HandleResult {
    if (stored.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    if (!isHandleResult(stored.result)) throw new Error(`The stored answer to Idempotency-Key ${idempotencyKey} is not an answer`);
    return stored.result;
  }

  /** the policy's decision for an authenticated request: the role acted in, or 403 writing nothing */
  private authorize(request: HandleRequest, input: unknown): string | null {
    const { actor } = request;
    if (!actor) return null;
    const facts = Object.hasOwn(commandFacts, request.command) ? commandFacts[request.command] : undefined;
    if (!facts) throw new ForbiddenError(`Kommandoen ${request.command} er ikke med i tilgangsreglene`);
    const target = facts.facts({ targetId: request.targetId, input, rm: this.deps.readModels });
    const decision = authorize(actor, facts.action, target, this.deps.readModels.units);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
    // one installation for several kommuner: nobody writes in a kommune they do not belong to
    if (outsideTenants(this.deps.readModels, actor, [...(target.units ?? []), ...unitsNamedBy(input, this.deps.readModels)]).length > 0)
      throw new ForbiddenError(`${refusalOf(facts.action)} Enheten hører til en annen kommune enn din.`);
    return decision.role;
  }

  private async run(request: HandleRequest, key?: KeyToStore): Promise<HandleResult> {
    const spec = Object.hasOwn(this.deps.commands, request.command) ? this.deps.commands[request.command] : undefined;
    if (!spec) throw UNKNOWN_COMMAND(request.command);
    const input = parseWith(spec.input, request.input ?? {}, 'Ugyldige data');
    const { store } = this.deps;

    let target: { id: string; stream: string; what: string } | undefined;
    if (spec.target) {
      // an id that could never name a stream names nothing
      if (!request.targetId || !ID.test(request.targetId)) throw new NotFoundError(spec.target.what, String(request.targetId ?? '').slice(0, 200));
      target = { id: request.targetId, stream: streamOf(spec.target.category, request.targetId), what: spec.target.what };
    }
    const actingRole = this.authorize(request, input);
    const generated = spec.id === 'target' && target ? target.id : this.newId();
    const id = spec.answerId ? spec.answerId(generated, input) : generated;
    const env: CommandEnv = { ...this.env, now: this.clock() };
    const steps = spec.steps({ id: generated, targetId: request.targetId, input, env });
    if (target && steps[0]?.streamName !== target.stream) {
      const head = await store.readStream(target.stream, { direction: 'backwards', maxCount: 1 });
      if (head.length === 0) throw new NotFoundError(target.what, target.id);
    }

    // the stream named by the id made just now has no events yet (its append expects none): nothing to read
    const fresh = spec.id === 'target' ? undefined : streamOf(spec.id.slice('new:'.length), generated);
    // decide every step before writing anything, so a refusal anywhere writes nothing
    const decided: { step: Step; revision: bigint | undefined; events: GevinstEvent[] }[] = [];
    for (const step of steps) {
      // only the events after the kept state's revision are read; each was validated when it was decided
      const kept = this.streamStates.get(step.streamName);
      const from = kept && step.continues(kept.folded) ? kept : undefined;
      const recorded = step.streamName === fresh ? [] : await store.readStream(step.streamName, from ? { fromRevision: from.revision + 1n } : undefined);
      const revision = recorded.at(-1)?.revision ?? from?.revision;
      if (target && step.streamName === target.stream && revision === undefined) throw new NotFoundError(target.what, target.id);
      if (step.mustExist && revision === undefined) throw new NotFoundError(step.mustExist.what, step.mustExist.id, step.mustExist.path);
      if (decided.length === 0 && request.expectedRevision !== undefined) {
        const current = revision === undefined ? null : revision.toString();
        if (request.expectedRevision !== current) throw new PreconditionFailedError(request.expectedRevision, current);
      }
      const folded = step.fold(from?.folded, recorded.flatMap((e) => upcastRecorded(e) ?? []));
      if (revision !== undefined) this.streamStates.set(step.streamName, { revision, folded });
      decided.push({ step, revision, events: step.decideOn(folded) });
    }

    const correlationId = request.correlationId ?? uuidv7();
    let answer: { revision: bigint | undefined; position: bigint | undefined } | undefined;
    let lastPosition: bigint | undefined;
    const answerOf = (last: bigint | undefined): HandleResult => ({
      id,
      revision: answer?.revision === undefined ? '-1' : answer.revision.toString(),
      position: last === undefined ? null : last.toString(),
    });
    // the last append carries the key when the store commits it with the events (SQLite, PostgreSQL); otherwise it is stored after
    const lastWriting = decided.findLastIndex((d) => d.events.length > 0);
    const keyWithEvents = key !== undefined && lastWriting >= 0 && this.deps.idempotency.keptBy?.(store) === true;
    let keyStored = false;
    for (const [index, { step, revision, events }] of decided.entries()) {
      let result: AppendResult | undefined;
      if (events.length > 0) {
        const toAppend: EventToAppend[] = events.map((e) => ({
          ...(step.eventId ? { id: step.eventId(e) } : {}),
          type: e.type,
          data: e.data,
          metadata: {
            userId: request.userId,
            ...(request.actor ? { userName: request.actor.name, actingRole } : {}),
            recordedAt: env.now,
            correlationId,
            causationId: request.causationId ?? correlationId,
            schemaVersion: schemaVersionOf(e.type),
          },
        }));
        const expectedRevision = revision ?? 'no_stream';
        // the answer's revision is the first step's; the position is this (the last writing) append's
        const idempotency: IdempotencyRecord | undefined =
          key && keyWithEvents && index === lastWriting
            ? {
                scope: key.userId,
                key: key.key,
                fingerprint: key.fingerprint,
                answer: { ...answerOf(undefined) },
                resultFields: answer ? { globalPosition: 'position' } : { nextExpectedRevision: 'revision', globalPosition: 'position' },
              }
            : undefined;
        try {
          result = await store.appendToStream(step.streamName, toAppend, { expectedRevision, idempotency });
          keyStored ||= idempotency !== undefined;
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError) {
            this.streamStates.drop(step.streamName);
            throw new ConflictError(error.actual === 'no_stream' ? null : error.actual.toString());
          }
          // a request with the same key (on another instance) stored its answer first: nothing of this append is written
          if (key && error instanceof IdempotencyKeyStoredError) {
            const stored = await this.deps.idempotency.get(key.userId, key.key);
            if (stored) return this.firstAnswer(stored, key.fingerprint, key.key);
          }
          throw error;
        }
        lastPosition = result.globalPosition;
      }
      answer ??= { revision: result?.nextExpectedRevision ?? revision, position: result?.globalPosition };
    }
    const result = answerOf(lastPosition);
    // KurrentDB (or nothing written): a crash between the append and this line makes a retry decide again
    if (key && !keyStored) await this.deps.idempotency.put(key.userId, key.key, key.fingerprint, result);
    if (lastPosition !== undefined) await this.deps.readModels.waitFor(lastPosition);
    return result;
  }
}
