import { describe, expect, it } from 'vitest';
import { StreamStates } from '../src/application/streamStates';

const decider = {};
const at = (revision: bigint) => ({ revision, folded: { decider, state: { revision } } });

describe('StreamStates: the decided state of hot streams, bounded by count', () => {
  it('keeps at most `capacity` streams and lets the least recently used go first', () => {
    const states = new StreamStates(2);
    states.set('benefit-a', at(1n));
    states.set('benefit-b', at(1n));
    expect(states.get('benefit-a')?.revision).toBe(1n);
    states.set('benefit-c', at(4n));
    expect(states.size).toBe(2);
    expect(states.get('benefit-b')).toBeUndefined();
    expect(states.get('benefit-a')?.revision).toBe(1n);
    expect(states.get('benefit-c')?.revision).toBe(4n);
  });

  it('never goes back to an earlier revision of a stream, and forgets a dropped one', () => {
    const states = new StreamStates(10);
    states.set('project-p', at(5n));
    states.set('project-p', at(3n));
    expect(states.get('project-p')?.revision).toBe(5n);
    states.drop('project-p');
    expect(states.get('project-p')).toBeUndefined();
  });

  it('keeps nothing with capacity 0', () => {
    const states = new StreamStates(0);
    states.set('unit-u', at(0n));
    expect(states.get('unit-u')).toBeUndefined();
  });
});
