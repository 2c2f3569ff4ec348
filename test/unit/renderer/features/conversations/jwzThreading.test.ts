/**
 * Issue #12 §4: JWZ threading — "a References loop or a missing parent neither hangs nor drops
 * messages". Messages are written with readable ids; the production hash turns them into numbers.
 */
import { describe, expect, it } from 'vitest';
import { threadMessages, type ThreadInput } from '../../../../../src/renderer/features/conversations/jwzThreading';
import { messageIdHash } from '../../../../../src/renderer/features/conversations/messageIdHash';

const h = messageIdHash;
const msg = (id: string | undefined, ...refs: string[]): ThreadInput => ({ id: id === undefined ? undefined : h(id), refs: refs.map(h) });

/** Which messages (by index) share a conversation, as sorted groups. */
function groups(input: ThreadInput[]): number[][] {
  const { conversation } = threadMessages(input);
  const byConversation = new Map<number, number[]>();
  conversation.forEach((c, index) => byConversation.set(c, [...(byConversation.get(c) ?? []), index]));
  return [...byConversation.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}

describe('threadMessages', () => {
  it('links a reply to its parent and keeps strangers apart', () => {
    const input = [msg('a'), msg('b', 'a'), msg('c', 'a', 'b'), msg('x')];
    expect(groups(input)).toEqual([[0, 1, 2], [3]]);
    expect([...threadMessages(input).parent]).toEqual([-1, 0, 1, -1]);
  });

  it('threads a reply that arrives before its parent', () => {
    const input = [msg('c', 'a', 'b'), msg('a'), msg('b', 'a')];
    expect(groups(input)).toEqual([[0, 1, 2]]);
    expect([...threadMessages(input).parent]).toEqual([2, -1, 1]);
  });

  it('keeps the children of a missing parent together, promoted past the empty container', () => {
    const input = [msg('b', 'missing'), msg('c', 'missing'), msg('d', 'missing', 'c')];
    expect(groups(input)).toEqual([[0, 1, 2]]);
    expect([...threadMessages(input).parent]).toEqual([-1, -1, 1]);
  });

  it('neither hangs nor drops messages on a References loop', () => {
    // a says it answers b, b says it answers a: one link is refused.
    const input = [msg('a', 'b'), msg('b', 'a'), msg('c', 'b', 'a', 'b', 'c')];
    const threads = threadMessages(input);
    expect(groups(input)).toEqual([[0, 1, 2]]);
    // Every message has a finite way up: following parents ends at a root.
    for (let start = 0; start < input.length; start++) {
      let steps = 0;
      for (let x = start; x !== -1; x = threads.parent[x] as number) expect(++steps).toBeLessThanOrEqual(input.length);
    }
  });

  it('ignores a message naming itself in its References', () => {
    const input = [msg('a', 'a'), msg('b', 'a', 'b')];
    expect(groups(input)).toEqual([[0, 1]]);
    expect([...threadMessages(input).parent]).toEqual([-1, 0]);
  });

  it('gives a duplicate Message-ID its own message and keeps both', () => {
    const input = [msg('a'), msg('a'), msg('b', 'a')];
    const threads = threadMessages(input);
    expect(threads.conversation).toHaveLength(3);
    expect(threads.parent[2]).toBe(0);
    expect(threads.conversation[1]).not.toBe(threads.conversation[2]);
  });

  it('keeps messages without an id, each its own unless it names a parent', () => {
    const input = [msg(undefined), msg(undefined), msg(undefined, 'a'), msg('a')];
    expect(groups(input)).toEqual([[0], [1], [2, 3]]);
  });

  it('terminates on 10,000 messages of a deep chain and of loops, without recursion', () => {
    const chain: ThreadInput[] = [];
    for (let i = 0; i < 10_000; i++) {
      // Each names its root and up to 20 nearest ancestors, as real References do (kept 21).
      const refs = i === 0 ? [] : [0, ...Array.from({ length: Math.min(20, i - 1) }, (_, k) => i - Math.min(20, i - 1) + k)].filter((v, k, all) => all.indexOf(v) === k);
      chain.push({ id: h(`m${i}`), refs: refs.map((r) => h(`m${r}`)) });
    }
    const threads = threadMessages(chain);
    expect(threads.count).toBe(1);
    expect(threads.parent[9_999]).toBe(9_998);

    // Every message names the next as its parent: one big loop.
    const loop = Array.from({ length: 10_000 }, (_, i) => msg(`l${i}`, `l${(i + 1) % 10_000}`));
    const looped = threadMessages(loop);
    expect(looped.conversation).toHaveLength(10_000);
    expect(looped.count).toBe(1);
  });
});
