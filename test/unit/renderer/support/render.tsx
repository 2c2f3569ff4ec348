/** Minimal rendering and interaction helpers on react-dom + act (no extra test library). */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount(): void;
}

export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    unmount() {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** The element a label names, like a person finds a field. */
export function field(container: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement {
  const labelElement = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const control = labelElement?.htmlFor ? container.ownerDocument.getElementById(labelElement.htmlFor) : labelElement?.querySelector('input');
  if (!control) throw new Error(`No field labelled "${label}"`);
  return control as HTMLInputElement | HTMLSelectElement;
}

export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
}

/** Types into a React-controlled input (sets the value the way the browser does, then input). */
export async function type(element: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    element.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function blur(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    element.blur();
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}

export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
