/**
 * The small XML subset xCal needs (RFC 6321), read and written without a dependency: elements,
 * text, CDATA, character and the five predefined entity references (XML 1.0 §4.1, §4.6),
 * comments and processing instructions (skipped). Namespace prefixes are dropped: xCal lives in
 * one namespace, and Kolab writes it as the default namespace. DOCTYPE is refused so no external
 * entity can be declared.
 */
import { AppError } from '../../../shared/errors';

export interface XmlElement {
  /** Local name, prefix removed. */
  name: string;
  children: XmlElement[];
  /** The element's own character data, concatenated (xCal never mixes text and elements). */
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fail(message: string): never {
  throw new AppError('invalidInput', `Not a well-formed xCal document: ${message}`);
}

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const value = entities[ref];
    if (value === undefined) fail(`unknown entity &${ref};`);
    return value;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Parses a document and returns its root element. */
export function parseXml(document: string): XmlElement {
  // XML 1.0 §2.11: line ends become \n before parsing; a written &#13; survives as \r.
  const source = document.replace(/\r\n?/g, '\n');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') fail('text outside the root element');
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(source.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(source.slice(i, lt)));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) fail('unterminated CDATA section');
      addText(source.slice(lt + 9, end));
      i = end + 3;
    } else if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt + 2);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!', lt)) {
      fail('DOCTYPE and other declarations are not accepted');
    } else if (source.startsWith('</', lt)) {
      const end = source.indexOf('>', lt);
      if (end < 0) fail('unterminated end tag');
      const name = localName(source.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? ''}>`);
      i = end + 1;
    } else {
      const end = findTagEnd(source, lt);
      const body = source.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      const match = /^[^\s/>]+/.exec(body);
      if (!match) fail('element without a name');
      const element: XmlElement = { name: localName(match[0]), children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      i = end + 1;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root;
}

/** The `>` that ends a start tag, skipping quoted attribute values (which may contain `>`). */
function findTagEnd(source: string, from: number): number {
  let quote: string | null = null;
  for (let j = from + 1; j < source.length; j++) {
    const c = source[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return fail('unterminated start tag');
}

/** Escapes character data (XML 1.0 §2.4); also drops characters XML 1.0 cannot carry (§2.2). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
