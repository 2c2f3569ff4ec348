/**
 * Conversations by Jamie Zawinski's threading algorithm (https://www.jwz.org/doc/threading.html),
 * issue #12 §4: messages are linked by References (In-Reply-To when there are none), empty
 * containers stand in for messages the folder does not hold, and what hangs together is one
 * conversation. Pure and iterative: ids are numbers (messageIdHash.ts), the tree is parent links
 * in arrays, and no step recurses, so a 10,000-deep chain cannot overflow the stack.
 *
 * Choices, each from the algorithm's text:
 *  - A link is never made that would put a container under its own descendant (a References
 *    loop, or a message naming itself): the link is skipped and the rest of the field still counts.
 *  - The message's own parent is the last id of its References, replacing a parent guessed from
 *    another message's References earlier; a message with no references is a root.
 *  - A second message with an id already held by a message gets a container of its own
 *    (duplicates stay visible; JWZ step 1A).
 *  - Missing parents: the empty container's children are promoted (`parent` skips it), and
 *    children of the same missing message stay one conversation — nothing is dropped.
 *  - No subject grouping (JWZ step 5): two "Hello" mails of different customers in a shared
 *    Inbox must not become one conversation; only the headers decide.
 *
 * Loop checks are cheap: a union–find over containers says when two are in different trees (then
 * no link can close a loop); only inside one tree does the check walk up the parents. Unlinking
 * (a real message replacing a guessed parent) leaves the union–find merged, which only makes it
 * walk more, never link wrongly.
 */

export interface ThreadInput {
  /** The message's own id (messageIdHash of its Message-ID), undefined when it has none. */
  id: number | undefined;
  /** Its ancestors' ids, oldest first: References, or In-Reply-To when there are none. */
  refs: ArrayLike<number>;
}

export interface Threads {
  /** Per message: its conversation, numbered 0 … count-1 in order of first appearance. */
  conversation: Int32Array;
  /** How many conversations there are. */
  count: number;
  /** Per message: the nearest ancestor that is a message of the input, -1 for none. */
  parent: Int32Array;
}

export function threadMessages(messages: readonly ThreadInput[]): Threads {
  const parent: number[] = [];
  const messageOf: number[] = [];
  const set: number[] = [];
  const table = new Map<number, number>();

  const create = (message: number): number => {
    const c = parent.length;
    parent.push(-1);
    messageOf.push(message);
    set.push(c);
    return c;
  };
  const find = (x: number): number => {
    let root = x;
    while (set[root] !== root) root = set[root] as number;
    // Path halving keeps later finds short.
    while (set[x] !== root) {
      const next = set[x] as number;
      set[x] = root;
      x = next;
    }
    return root;
  };
  /** Whether `child` is `ancestor` or above it: linking child under ancestor would close a loop. */
  const wouldLoop = (ancestor: number, child: number): boolean => {
    if (ancestor === child) return true;
    if (find(ancestor) !== find(child)) return false;
    for (let x = ancestor; x !== -1; x = parent[x] as number) if (x === child) return true;
    return false;
  };
  const link = (up: number, child: number) => {
    parent[child] = up;
    set[find(child)] = find(up);
  };
  const containerFor = (id: number): number => {
    let c = table.get(id);
    if (c === undefined) {
      c = create(-1);
      table.set(id, c);
    }
    return c;
  };

  const own = new Int32Array(messages.length);
  messages.forEach((message, index) => {
    let c: number;
    const known = message.id === undefined ? undefined : table.get(message.id);
    if (message.id !== undefined && known !== undefined && messageOf[known] === -1) {
      c = known;
      messageOf[c] = index;
    } else {
      c = create(index);
      if (message.id !== undefined && known === undefined) table.set(message.id, c);
    }
    own[index] = c;

    let previous = -1;
    for (let r = 0; r < message.refs.length; r++) {
      const ref = containerFor(message.refs[r] as number);
      // A message naming itself in its own References is skipped, not linked.
      if (ref === c) continue;
      if (previous !== -1 && parent[ref] === -1 && !wouldLoop(previous, ref)) link(previous, ref);
      previous = ref;
    }
    if (previous !== -1 && parent[c] !== previous && !wouldLoop(previous, c)) link(previous, c);
    else if (previous === -1) parent[c] = -1;
  });

  // Roots and nearest message ancestors, each container's answer found once (memo, no recursion).
  const total = parent.length;
  const rootOf = new Int32Array(total).fill(-1);
  const upMessage = new Int32Array(total).fill(-2);
  const path: number[] = [];
  for (let start = 0; start < total; start++) {
    if (rootOf[start] !== -1) continue;
    let x = start;
    while (rootOf[x] === -1 && parent[x] !== -1) {
      path.push(x);
      x = parent[x] as number;
    }
    const root = rootOf[x] === -1 ? x : (rootOf[x] as number);
    rootOf[x] = root;
    for (const node of path) rootOf[node] = root;
    path.length = 0;
  }
  for (let start = 0; start < total; start++) {
    if (upMessage[start] !== -2) continue;
    // Up through empty containers to the first message (or the top): every container passed
    // on the way has that same nearest message (empty ones are skipped, their children promoted).
    let answer = -1;
    for (let x = start; ; ) {
      path.push(x);
      const p = parent[x] as number;
      if (p === -1) break;
      if (messageOf[p] !== -1) {
        answer = messageOf[p] as number;
        break;
      }
      if (upMessage[p] !== -2) {
        answer = upMessage[p] as number;
        break;
      }
      x = p;
    }
    for (const node of path) upMessage[node] = answer;
    path.length = 0;
  }

  const numbers = new Map<number, number>();
  const conversation = new Int32Array(messages.length);
  const parentMessage = new Int32Array(messages.length);
  for (let index = 0; index < messages.length; index++) {
    const c = own[index] as number;
    const root = rootOf[c] as number;
    let n = numbers.get(root);
    if (n === undefined) numbers.set(root, (n = numbers.size));
    conversation[index] = n;
    parentMessage[index] = upMessage[c] as number;
  }
  return { conversation, count: numbers.size, parent: parentMessage };
}
