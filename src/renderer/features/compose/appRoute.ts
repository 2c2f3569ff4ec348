/** The app's route in the URL fragment: the main window, or a composer in its own window (`#compose/<id>`). */
export type AppRoute = { name: 'main' } | { name: 'compose'; draftId: string };

export function parseRoute(hash: string): AppRoute {
  const match = /^#?compose\/([A-Za-z0-9_-]{8,64})$/.exec(hash.split('&')[0] ?? '');
  return match?.[1] ? { name: 'compose', draftId: match[1] } : { name: 'main' };
}
