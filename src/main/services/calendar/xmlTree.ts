/**
 * xCal documents (RFC 6321) as a plain tree, read with @xmldom/xmldom. xCal lives in one
 * namespace and never mixes text with elements, so a tree of local names and text is all the
 * codec needs. A DOCTYPE is refused: a calendar payload has no use for one, and refusing it
 * keeps entity declarations (billion laughs, external entities) out entirely.
 */
import { DOMParser, onErrorStopParsing, type Element, type Node } from '@xmldom/xmldom';

export interface XmlElement {
  /** Local name, namespace prefix removed. */
  name: string;
  children: XmlElement[];
  /** The element's own character data (text and CDATA), concatenated. */
  text: string;
}

export class XmlFormatError extends Error {
  readonly code = 'xmlFormat';
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_TYPE_NODE = 10;

function toTree(element: Element): XmlElement {
  const tree: XmlElement = { name: element.localName ?? element.nodeName, children: [], text: '' };
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) tree.children.push(toTree(node as Element));
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) tree.text += node.nodeValue ?? '';
  }
  return tree;
}

/**
 * An event with hundreds of exceptions has some tens of thousands of elements; a payload with far
 * more is hostile or broken, and parsing it would hold up the main process for seconds.
 */
const maxElements = 100_000;

/** Parses a document and returns its root element; throws XmlFormatError when it is not well-formed. */
export function parseXml(document: string): XmlElement {
  let tags = 0;
  for (let i = document.indexOf('<'); i >= 0; i = document.indexOf('<', i + 1)) {
    if (++tags > 2 * maxElements) throw new XmlFormatError(`The XML document has more than ${maxElements} elements`);
  }
  let root: Element | null;
  try {
    const parsed = new DOMParser({ onError: onErrorStopParsing, locator: false }).parseFromString(document, 'text/xml');
    for (let node: Node | null = parsed.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === DOCUMENT_TYPE_NODE) throw new Error('DOCTYPE is not accepted');
    }
    root = parsed.documentElement;
  } catch (error) {
    throw new XmlFormatError(`Not a well-formed XML document: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!root) throw new XmlFormatError('Not a well-formed XML document: no root element');
  return toTree(root);
}

/** Escapes character data (XML 1.0 §2.4); drops characters XML 1.0 cannot carry (§2.2). */
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
