import { InvalidAppendError, WrongExpectedRevisionError, type ExpectedRevision } from '../port';

/** `current` is the stream's last revision, -1 when the stream does not exist */
export const revisionMatches = (expected: ExpectedRevision, current: number): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && current < 0) ||
  (expected === 'stream_exists' && current >= 0) ||
  (typeof expected === 'bigint' && BigInt(current) === expected);

export const wrongRevision = (streamName: string, expected: ExpectedRevision, current: number) =>
  new WrongExpectedRevisionError(streamName, expected, current < 0 ? 'no_stream' : BigInt(current));

export const assertValidExpectedRevision = (expected: ExpectedRevision): ExpectedRevision => {
  if (!(expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n)))
    throw new InvalidAppendError('expectedRevision must be any, no_stream, stream_exists or a revision ≥ 0', 'expectedRevision');
  return expected;
};
