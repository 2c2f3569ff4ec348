import { useStore, type StoreState } from '../store';
import { i18nFor, type I18n } from './i18n';

function select(state: StoreState): I18n {
  return i18nFor(state.language, state.appInfo?.systemLocale ?? null);
}

/** The translator and formatters for the chosen language; re-renders when it changes. */
export function useI18n(): I18n {
  return useStore(select);
}

/** For code outside React (the sync loop, task helpers). */
export function currentI18n(): I18n {
  return select(useStore.getState());
}
